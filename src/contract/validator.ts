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
}

export interface ValidationRequest {
  readonly kind: ValidatorKind;
  readonly value: unknown;
}

/** A started target. The runner owns it and closes it when done. */
export interface Target {
  readonly info: TargetInfo;
  /** Never rejects: every failure of the validator is an `errored` verdict. */
  validate(kind: ValidatorKind, value: unknown): Promise<Verdict>;
  /** Many requests at once; cmd targets pipeline them. Same order as the input. */
  validateBatch(requests: readonly ValidationRequest[]): Promise<Verdict[]>;
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
