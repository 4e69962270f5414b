import { type Target, TargetStartError } from '../contract/validator.js';
import type { ProtocolVersion } from '../harness/protocol-v2.js';
import { applyBaseline, type Baseline, type BaselineComparison } from '../report/baseline.js';
import type { Report } from '../report/model.js';
import { DEFAULT_RUNS, type ProgressEvent, type RunOptions } from '../runner/options.js';
import { type FailedStart, runConformance as runTargets } from '../runner/run.js';
import { selectValidatorRules } from '../runner/select.js';
import type { RuleId } from '../spec/rules/index.js';
import { loadBaseline } from './baseline.js';
import {
  inputId,
  type StartedTarget,
  type StartOptions,
  startTarget,
  type TargetInput,
} from './start.js';

/*
 * The one way into a certification run. The library's runConformance, the jest integration, the
 * CLI's `run` and the benchmarks all come through here, so targets are started, baselines read
 * and the generators wired to the runner in one place.
 */

/** Options of {@link runConformance}. Every field is optional. */
export interface ConformanceOptions {
  /** fast-check seed; the report records it, and the same seed gives the same cases. Default: random. */
  readonly seed?: number;
  /** Generated cases per rule. Default {@link DEFAULT_RUNS}. */
  readonly runs?: number;
  /** Rule ID globs (`handle.*`, `did.length.max`); `*` matches any run of characters. Default: every validator rule. */
  readonly rules?: string | readonly string[];
  /** Per-request timeout for every target. Default 5000 ms. */
  readonly timeoutMs?: number;
  /** Environment variables passed to `cmd:` harnesses beyond the allowlist (PATH, HOME, ...). */
  readonly passEnv?: readonly string[];
  /**
   * The highest harness protocol version offered to `cmd:` targets. Default 2; a harness that
   * refuses a start offering 2 is started again offering 1.
   */
  readonly protocolVersion?: ProtocolVersion;
  /**
   * Restarts, per rule, of a validator that runs apart (a `cmd:` harness, a worker thread) after
   * a crash or a hang; once they are spent, the rest of the rule is errored. Default 10.
   */
  readonly maxRestarts?: number;
  /**
   * Known failures: a baseline object or the path of a baseline JSON file. Results it lists are
   * marked `known-failure` (still failing) or `fixed` (now passing) in the report.
   */
  readonly baseline?: Baseline | string;
  /** Run the explicit examples (interop vectors, edge cases) before the generated cases. Default true. */
  readonly examples?: boolean;
  /** Upper bound on the time spent shrinking one counterexample. */
  readonly shrinkTimeMs?: number;
  /** Called before each rule of each target. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** The runner's own options (replay path, shard, ...), passed through as they are. */
type RunnerOptions = Partial<Omit<RunOptions, keyof ConformanceOptions | 'ruleIds'>>;

/** Options of {@link certify}: those of {@link runConformance} and the runner's, plus two hooks. */
export interface CertifyOptions extends ConformanceOptions, RunnerOptions {
  /**
   * Called for each target that cannot start; the target then gets a report column holding the
   * error and the run goes on. Without it the first such target throws {@link TargetStartError}.
   */
  readonly onStartError?: (id: string, error: TargetStartError) => void;
  /** Called once the targets have started, before the first case. */
  readonly onStarted?: (targets: readonly Target[]) => void;
}

export interface Certification {
  /** The report model, with baseline marks when a baseline was given. */
  readonly report: Report;
  /** New failures and fixed entries, when a baseline was given. */
  readonly comparison?: BaselineComparison;
}

/** A seed in fast-check's range, when the caller gives none. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}

/**
 * The validator rule IDs matching any of the globs, in catalogue order; every validator rule
 * when `rules` is undefined. Throws a RangeError when a glob matches nothing.
 */
export function selectRules(rules?: string | readonly string[]): RuleId[] {
  return selectValidatorRules(rules) as RuleId[];
}

async function startAll(
  inputs: readonly TargetInput[],
  options: StartOptions,
  onStartError: CertifyOptions['onStartError'],
  started: StartedTarget[],
): Promise<FailedStart[]> {
  const failed: FailedStart[] = [];
  for (const input of inputs) {
    try {
      started.push(await startTarget(input, options));
    } catch (err) {
      if (onStartError === undefined || !(err instanceof TargetStartError)) throw err;
      onStartError(inputId(input), err);
      failed.push({ id: inputId(input), error: err.message });
    }
  }
  if (started.length === 0 && failed.length > 0) {
    throw new TargetStartError('no target could be started');
  }
  return failed;
}

/**
 * Certifies targets against the rule catalogue. The rules are selected and the baseline read
 * before any target starts; targets given as specs or {@link Validator}s are started here and
 * closed before this returns, even when the run throws; started {@link Target}s are left open.
 */
export async function certify(
  targets: TargetInput | readonly TargetInput[],
  options: CertifyOptions = {},
): Promise<Certification> {
  const inputs: readonly TargetInput[] = Array.isArray(targets)
    ? targets
    : [targets as TargetInput];
  const {
    rules,
    baseline,
    timeoutMs,
    passEnv,
    protocolVersion,
    maxRestarts,
    onStartError,
    onStarted,
    seed,
    runs,
    arbitraryFor,
    ...run
  } = options;
  const ruleIds = selectRules(rules);
  const known = baseline === undefined ? undefined : loadBaseline(baseline);
  const started: StartedTarget[] = [];
  try {
    const failed = await startAll(
      inputs,
      { timeoutMs, passEnv, protocolVersion, maxRestarts },
      onStartError,
      started,
    );
    const ready = started.map((s) => s.target);
    onStarted?.(ready);
    const report = await runTargets(
      ready,
      {
        ...run,
        // Without arbitraries of its own, the runner samples the catalogue's off the main thread.
        ...(arbitraryFor === undefined ? {} : { arbitraryFor }),
        seed: seed ?? randomSeed(),
        runs: runs ?? DEFAULT_RUNS,
        ruleIds,
      },
      failed,
    );
    if (known === undefined) return { report };
    const comparison = applyBaseline(report, known);
    return { report: comparison.report, comparison };
  } finally {
    await Promise.all(started.filter((s) => s.owned).map((s) => s.target.close()));
  }
}

/**
 * Certifies validators against the rule catalogue and returns the report model (write it with
 * `writeReports`). Targets given as specs or {@link Validator} objects are started here and
 * closed before this returns, even when the run throws; started {@link Target}s are left open.
 * A target that cannot start throws {@link TargetStartError}.
 *
 * @example
 * ```ts
 * const report = await runConformance([myValidator, 'zod'], { seed: 42, rules: 'handle.*' });
 * if (!report.targets.every((t) => t.conformant)) process.exitCode = 1;
 * ```
 */
export async function runConformance(
  targets: TargetInput | readonly TargetInput[],
  options: ConformanceOptions = {},
): Promise<Report> {
  return (await certify(targets, options)).report;
}
