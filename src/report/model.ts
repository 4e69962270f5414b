import type { RuleId } from '../spec/rules/index.js';
import type { Area, Kind, Level, Source } from '../spec/rules/types.js';

/** The status of one rule for one target. */
export type Status = 'pass' | 'fail' | 'error' | 'skip';

export const STATUSES: readonly Status[] = ['pass', 'fail', 'error', 'skip'];

export interface Counterexample {
  /** The kind the value was validated as (`handle`, `did`, `session`, `getSession`, `live`). */
  readonly kind: Kind;
  /** The minimal (shrunk) value, as plain JSON. Live checks put the request body here. */
  readonly value: unknown;
  /** true when the value must be accepted, false when it must be rejected. */
  readonly expected: boolean;
  /** What the target said; null when it errored or skipped. */
  readonly actual: boolean | null;
  /** The rules the value breaks, from the generator's label. */
  readonly violates?: readonly RuleId[];
  /** The target's own error messages, when it gave any. */
  readonly errors?: readonly string[];
  /** A short likely cause of this kind of failure, from the case family or the rule. */
  readonly likelyCause?: string;
}

/** A live HTTP exchange behind a result, with every secret already redacted. */
export interface Exchange {
  readonly request: { readonly method: string; readonly url: string; readonly body?: unknown };
  readonly response?: {
    readonly status: number;
    readonly contentType?: string;
    readonly body?: unknown;
  };
  /** A curl command that reproduces the request, secrets as `$VARIABLE`s. */
  readonly curl: string;
}

export interface RuleResult {
  readonly rule: RuleId;
  readonly level: Level;
  readonly area: Area;
  /**
   * The kinds the rule was tested on: those of its kinds the target validates, in the order
   * the target lists them (for a skip, the rule's kinds: none was tested).
   */
  readonly kinds: readonly Kind[];
  readonly status: Status;
  /** Generated cases run (0 for a skip). */
  readonly runs: number;
  /** Explicit examples (interop vectors, edge cases) run before the generated cases. */
  readonly examples?: number;
  readonly counterexample?: Counterexample;
  readonly message?: string;
  /** Replays this result exactly: `--seed <seed> --path <path> --rules <rule>`. */
  readonly replay?: { readonly seed: number; readonly path: string };
  /** 1-based number of cases run until the first failure (before shrinking). */
  readonly casesToFailure?: number;
  readonly exchange?: Exchange;
  /** Set when a baseline lists this failure as known. */
  readonly baseline?: 'known-failure' | 'fixed';
}

export interface Summary {
  pass: number;
  fail: number;
  error: number;
  skip: number;
}

export interface TargetReport {
  readonly target: {
    readonly id: string;
    readonly name: string;
    readonly version?: string;
    readonly language?: string;
    readonly kinds?: readonly Kind[];
    /** For `cmd:` targets: the harness protocol version the program spoke. */
    readonly protocol?: number;
  };
  /** No MUST rule failed or errored. */
  readonly conformant: boolean;
  readonly summary: Summary;
  readonly results: readonly RuleResult[];
  /** What the target printed on stderr (cmd targets), kept for diagnosis. */
  readonly stderr?: string;
  /** Set when the target could not be started; results are then all `error`. */
  readonly startError?: string;
  readonly durationMs?: number;
}

/** Rule metadata carried in the report, so every renderer works from the report alone. */
export interface RuleInfo {
  readonly level: Level;
  /** The RFC 2119 keyword of the quoted sentence (`MUST NOT`, `SHOULD`, …), or `lexicon`. */
  readonly keyword?: string;
  readonly area: Area;
  readonly summary: string;
  readonly source: Source;
}

export interface Report {
  readonly tool: { readonly name: string; readonly version: string };
  readonly profile: 'atproto';
  readonly seed: number;
  /** Generated cases per rule. */
  readonly runs: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** `i/n` when this report is one shard of a larger run. */
  readonly shard?: string;
  /** Set when the run was stopped by Ctrl-C: the results are those finished before it. */
  readonly interrupted?: boolean;
  /** Rules not run for every target, because of an interrupt or `--max-failures`. */
  readonly notRun?: readonly RuleId[];
  readonly rules: Readonly<Record<string, RuleInfo>>;
  readonly targets: readonly TargetReport[];
}

export function emptySummary(): Summary {
  return { pass: 0, fail: 0, error: 0, skip: 0 };
}

export function summarize(results: readonly RuleResult[]): Summary {
  const s = emptySummary();
  for (const r of results) s[r.status]++;
  return s;
}

/** Conformant means no MUST rule failed or errored (a known-failure baseline does not change it). */
export function isConformant(results: readonly RuleResult[]): boolean {
  return !results.some((r) => r.level === 'MUST' && (r.status === 'fail' || r.status === 'error'));
}
