import type { ValidatorKind } from '../spec/rules/types.js';

/**
 * What a validator answers for one value. Four outcomes, as in Bowtie: `errored` (threw, crashed,
 * timed out, answered garbage) is never counted as a rejection.
 */
export type Verdict =
  | { readonly outcome: 'valid' }
  | { readonly outcome: 'invalid'; readonly errors?: readonly string[] }
  | { readonly outcome: 'skipped'; readonly message: string }
  | { readonly outcome: 'errored'; readonly message: string };

/** The answer a user's `validate` may give: a boolean, or an object with `valid`. */
export type ValidateResult = boolean | { valid: boolean; errors?: string[] };

/**
 * The contract of a `module:` target and of every built-in adapter: the default export (or the
 * named export `validator`) of a JS/TS module.
 */
export interface Validator {
  readonly name: string;
  readonly version?: string;
  readonly kinds: readonly ValidatorKind[];
  validate(kind: ValidatorKind, value: unknown): ValidateResult | Promise<ValidateResult>;
}

export interface TargetInfo {
  /** As given on the command line: a built-in id, `module:<path>` or `cmd:<command line>`. */
  readonly id: string;
  readonly name: string;
  readonly version?: string;
  readonly language?: string;
  readonly kinds: readonly ValidatorKind[];
  /** For `cmd:` targets: the harness protocol version the program speaks. */
  readonly protocol?: number;
}

export interface ValidationRequest {
  readonly kind: ValidatorKind;
  readonly value: unknown;
}

/**
 * Requests encoded once for many targets: `values` is `v8.serialize` of the values in order (the
 * format of structured clone, so each reader decodes its own identical copy), `kindIndex` gives
 * each value's kind as an index into `kinds` (255: not to be validated).
 */
export interface EncodedCases {
  readonly values: Uint8Array;
  readonly kindIndex: Uint8Array;
  readonly kinds: readonly string[];
}

/**
 * Verdicts of EncodedCases, one byte each (see OUTCOME_CODES); only the verdicts a byte cannot
 * say (invalid with errors, skipped, errored) are listed in `other`, by index.
 */
export interface CompactVerdicts {
  readonly outcomes: Uint8Array;
  readonly other: readonly (readonly [number, Verdict])[];
}

/** The bytes of CompactVerdicts.outcomes. */
export const OUTCOME_CODES = { notAsked: 0, valid: 1, invalid: 2, other: 3 } as const;

/** A started target. The runner owns it and closes it when done. */
export interface Target {
  readonly info: TargetInfo;
  /** Never rejects: every failure of the validator is an `errored` verdict. */
  validate(kind: ValidatorKind, value: unknown): Promise<Verdict>;
  /** Many requests at once; cmd targets pipeline them. Same order as the input. */
  validateBatch(requests: readonly ValidationRequest[]): Promise<Verdict[]>;
  /**
   * Optional fast path: the requests of `cases` whose kind is in `kinds`, as `validateBatch`
   * would answer them, without decoding the values on the caller's thread. Targets without it
   * get `validateBatch`.
   */
  validateEncoded?(cases: EncodedCases, kinds: readonly ValidatorKind[]): Promise<CompactVerdicts>;
  /**
   * Optional: the runner calls it before each rule, and before shrinking a value the validator
   * stopped on. A target that restarts its validator renews its restart budget here, so that one
   * rule's crashes never error another rule's requests.
   */
  renewRestarts?(): void;
  /** What the validator printed on stderr, for the report (may be empty). */
  diagnostics(): string;
  close(): Promise<void>;
}

/** Thrown when a target cannot be started at all (CLI exit code 3). */
export class TargetStartError extends Error {
  override readonly name = 'TargetStartError';
}

export interface TargetOptions {
  /** Per-request timeout for `cmd:` targets, and for async `validate` of module targets. */
  readonly timeoutMs: number;
}

export const DEFAULT_TIMEOUT_MS = 5_000;
