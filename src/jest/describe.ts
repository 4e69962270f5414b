import { loadBaseline } from '../api/baseline.js';
import {
  type ConformanceOptions,
  randomSeed,
  runConformance,
  selectRules,
} from '../api/certify.js';
import { inputId, type StartedTarget, startTarget, type TargetInput } from '../api/start.js';
import type { Baseline } from '../report/baseline.js';
import type { Report, RuleResult } from '../report/model.js';
import { getRule } from '../spec/rules/index.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import { type JestApi, resolveJestApi } from './globals.js';
import { failureMessage } from './message.js';

/**
 * A known failure: a rule ID (the target gives a wrong verdict), or an entry saying which status
 * is known. As in a baseline, an `error` (the validator threw, hung or crashed) is known only when
 * the entry says `status: 'error'`, so a validator that breaks is never hidden.
 */
export type KnownFailure =
  | string
  | { readonly rule: string; readonly status?: 'fail' | 'error'; readonly reason?: string };

/** Options of {@link describeConformance}. Every field is optional. */
export interface DescribeConformanceOptions {
  /** fast-check seed for every rule. Default: random, shown in every failure message. */
  readonly seed?: number;
  /** Generated cases per rule. Default 100. */
  readonly runs?: number;
  /** Rule ID globs; one test is registered per matching rule. Default: every validator rule. */
  readonly rules?: string | readonly string[];
  /**
   * Only rules of these kinds. Defaults to the kinds a {@link Validator} or {@link Target}
   * declares; for a target spec (string) to every kind, and a rule the started target does not
   * support then passes as not applicable.
   */
  readonly kinds?: readonly ValidatorKind[];
  /**
   * Rules this target is known to fail. Their tests assert that the rule still fails with the
   * listed status (`fail` unless the entry says `error`), so a fix shows up as a failing test
   * that asks for the entry to be removed, and an error where a wrong verdict is listed fails.
   */
  readonly knownFailures?: readonly KnownFailure[];
  /**
   * A baseline object or the path of a baseline JSON file. Its entries whose `target` equals
   * `replayTarget` when given, else the target's id (the spec, or the validator's name), count as
   * known failures.
   */
  readonly baseline?: Baseline | string;
  /** Per-request timeout for `cmd:` targets and async validators. */
  readonly timeoutMs?: number;
  /** Timeout of each rule test (default 60 s) and of starting the target. */
  readonly testTimeoutMs?: number;
  /** Upper bound on shrinking one counterexample (default 5 s). */
  readonly shrinkTimeMs?: number;
  /**
   * The `--target` of replay commands (and the id baseline entries are matched against), e.g.
   * `module:./src/my-validator.js`. Default: the spec for a string, a placeholder otherwise.
   */
  readonly replayTarget?: string;
  /** Name of the describe block. Default: the validator's name, or the spec. */
  readonly name?: string;
  /** jest's functions, when the globals are not injected (`injectGlobals: false`). */
  readonly jest?: Partial<JestApi>;
}

const DEFAULT_JEST_RUNS = 100;
const DEFAULT_TEST_TIMEOUT_MS = 60_000;
const DEFAULT_SHRINK_MS = 5_000;

function declaredKinds(target: TargetInput): readonly ValidatorKind[] | undefined {
  if (typeof target === 'string') return undefined;
  return 'info' in target ? target.info.kinds : target.kinds;
}

function displayName(target: TargetInput): string {
  if (typeof target === 'string') return target;
  return 'info' in target ? target.info.name : target.name;
}

function defaultReplayTarget(target: TargetInput): string {
  if (typeof target === 'string') return target;
  return 'info' in target ? target.info.id : 'module:<path of your validator module>';
}

type KnownStatus = 'fail' | 'error';

/** Known failures from both options, rule ID to known status; a baseline file is read now. */
function knownFailures(
  options: DescribeConformanceOptions,
  targetId: string,
): Map<string, KnownStatus> {
  const known = new Map<string, KnownStatus>();
  for (const k of options.knownFailures ?? []) {
    const { rule, status = 'fail' } = typeof k === 'string' ? { rule: k } : k;
    if (status !== 'fail' && status !== 'error') {
      throw new RangeError(
        `describeConformance: known failure ${rule} has status ${JSON.stringify(status)} (expected "fail" or "error")`,
      );
    }
    known.set(rule, status);
  }
  const { baseline } = options;
  if (baseline === undefined) return known;
  for (const e of loadBaseline(baseline).knownFailures)
    if (e.target === targetId) known.set(e.rule, e.status ?? 'fail');
  return known;
}

const failing = (r: RuleResult): boolean => r.status === 'fail' || r.status === 'error';

/** Throws unless a known failure still fails with its known status. */
function checkKnown(
  report: Report,
  result: RuleResult,
  known: KnownStatus,
  replayTarget: string,
): void {
  if (result.status === known) return;
  const listed = `${result.rule} is listed as a known ${known === 'error' ? 'error' : 'failure'} of ${replayTarget}`;
  if (failing(result)) {
    const how = result.status === 'error' ? 'errors' : 'gives a wrong verdict';
    throw new Error(
      `${listed} but ${how}: list it with status '${result.status}' if that is known\n${failureMessage(report, result, replayTarget)}`,
    );
  }
  throw new Error(
    `${listed} but now ${result.status === 'pass' ? 'passes' : `is ${result.status}`}` +
      `${result.message === undefined ? '' : ` (${result.message})`}: remove it from the known failures (seed ${report.seed})`,
  );
}

/**
 * Registers one jest test per rule of the catalogue for a validator, inside
 * `describe(<target name>)`. Each test runs that rule through the conformance runner (explicit
 * examples, then generated cases, then shrinking) and fails with the rule, its spec quote, the
 * minimal counterexample, the seed and a replay command. Known failures (from `knownFailures`
 * or a baseline) are tests that pass while the rule still fails and fail once it passes.
 *
 * Call it at the top level of a jest test file. Targets given as specs or Validator objects are
 * started before the tests and closed after them.
 */
export function describeConformance(
  target: TargetInput,
  options: DescribeConformanceOptions = {},
): void {
  const jest = resolveJestApi(options.jest);
  const kinds = options.kinds ?? declaredKinds(target);
  const rules = selectRules(options.rules).filter(
    (id) =>
      kinds === undefined ||
      getRule(id).kinds.some((k) => (kinds as readonly string[]).includes(k)),
  );
  if (rules.length === 0) {
    throw new RangeError(`describeConformance: no rule selected for ${displayName(target)}`);
  }
  const replayTarget = options.replayTarget ?? defaultReplayTarget(target);
  const seed = options.seed ?? randomSeed();
  const testTimeout = options.testTimeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
  const known = knownFailures(options, options.replayTarget ?? inputId(target));
  const run: ConformanceOptions = {
    seed,
    runs: options.runs ?? DEFAULT_JEST_RUNS,
    shrinkTimeMs: options.shrinkTimeMs ?? DEFAULT_SHRINK_MS,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };

  jest.describe(options.name ?? displayName(target), () => {
    let started: StartedTarget | undefined;
    jest.beforeAll(async () => {
      started = await startTarget(target, run);
    }, testTimeout);
    jest.afterAll(async () => {
      if (started?.owned === true) await started.target.close();
    }, testTimeout);

    for (const id of rules) {
      const rule = getRule(id);
      const knownStatus = known.get(id);
      const mark =
        knownStatus === undefined
          ? ''
          : ` [known ${knownStatus === 'error' ? 'error' : 'failure'}]`;
      const title = `${id} (${rule.level})${mark}: ${rule.summary}`;
      jest.test(
        title,
        async () => {
          if (started === undefined) throw new Error(`target ${replayTarget} did not start`);
          const report = await runConformance(started.target, { ...run, rules: [id] });
          const result = report.targets[0]?.results.find((r) => r.rule === id);
          if (result === undefined) throw new Error(`the runner returned no result for ${id}`);
          if (knownStatus !== undefined) {
            checkKnown(report, result, knownStatus, replayTarget);
            return;
          }
          if (failing(result)) throw new Error(failureMessage(report, result, replayTarget));
        },
        testTimeout,
      );
    }
  });
}
