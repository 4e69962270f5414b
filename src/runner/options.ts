import type fc from 'fast-check';
import type { RuleId } from '../spec/rules/index.js';
import type { LabelledCase } from './case.js';

/** Where the generated cases of each rule come from (the generators, or a test's own). */
export type ArbitraryFor = (ruleId: RuleId) => fc.Arbitrary<LabelledCase>;

export interface ProgressEvent {
  readonly target: string;
  readonly rule: RuleId;
  readonly done: number;
  readonly total: number;
  /** Failing (fail or error) rules so far, over every target. */
  readonly failures?: number;
}

export interface RunOptions {
  /** fast-check seed; the same seed gives the same cases. */
  readonly seed: number;
  /** Generated cases per rule. */
  readonly runs: number;
  /** Only these rule IDs (already filtered by --rules). Default: every validator rule. */
  readonly ruleIds?: readonly RuleId[];
  /** Replay one fast-check path (`17:3:0`) or one explicit example (`example:4`). */
  readonly path?: string;
  /** `i/n`: run only this shard of the rule x target work. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Run the explicit examples (interop vectors, edge cases). Default true. */
  readonly examples?: boolean;
  /** Upper bound on time spent shrinking one counterexample. */
  readonly shrinkTimeMs?: number;
  /**
   * The generated cases of each rule. Default: the catalogue generators, sampled in a thread of
   * their own; a caller's own arbitraries are sampled on the caller's thread.
   */
  readonly arbitraryFor?: ArbitraryFor;
  /**
   * On abort the run stops at once: requests in flight are abandoned (the caller closes the
   * targets) and the report holds the results so far, `interrupted: true`, and `notRun`.
   */
  readonly signal?: AbortSignal;
  /** Stop after this many failing results (fail or error); the report then lists `notRun`. */
  readonly maxFailures?: number;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export const DEFAULT_RUNS = 200;
