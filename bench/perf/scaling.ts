import fc from 'fast-check';
import { type Case, caseArbitrary } from '../../generators/index.js';
import { create as createReference } from '../../src/adapters/reference.js';
import { certify } from '../../src/api/certify.js';
import { DEFAULT_TIMEOUT_MS, type Target } from '../../src/contract/validator.js';
import { DEFAULT_RUNS } from '../../src/runner/options.js';
import { validatorRules } from '../../src/runner/run.js';
import type { RuleId, ValidatorKind } from '../../src/spec/index.js';
import { check } from '../../src/spec/oracle.js';
import { fromValidator } from '../../src/targets/from-validator.js';
import { createTarget } from '../../src/targets/index.js';
import { splitCpu, type ThreadSplit, threadCpu } from './threads.js';
import { measure, median } from './timing.js';

/*
 * How the cost of a run grows with the number of runs and of targets. The reference oracle is
 * the target (fast, never fails, so no shrinking muddles the numbers); examples are off so every
 * case is a generated one.
 */

export interface ScalingRow {
  readonly runs: number;
  readonly targets: number;
  readonly rules: number;
  /** Verdicts asked for: targets x rules x runs. */
  readonly validations: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** CPU microseconds per verdict. */
  readonly usPerValidation: number;
  /** How often the runner asked for a rule's arbitrary, and how many values it generated. */
  readonly arbitraryCalls: number;
  readonly generatedValues: number;
  /**
   * Live heap (after a full GC) at the start of the last rule, in MiB, from a separate untimed
   * run; absent when node runs without --expose-gc.
   */
  readonly liveHeapMiB?: number;
  /** The same rules, runs and predicate as a bare `fc.check` loop: CPU microseconds per case. */
  readonly bareUsPerCase?: number;
  /** The same run with every generated string flattened as it is generated (see `flatten`). */
  readonly flatUsPerValidation?: number;
  /** The CPU time by kind of thread (Linux only): main, the targets' own, V8's background. */
  readonly threads?: ThreadSplit;
}

/** A mix of cheap and expensive generators, one per kind and polarity. */
export const SCALING_RULES: readonly RuleId[] = [
  'handle.accept.syntax',
  'handle.chars.allowed',
  'did.accept.syntax',
  'did.length.max',
  'session.accept.valid',
  'session.field.not-null',
];

function references(count: number): Target[] {
  return Array.from({ length: count }, (_, i) =>
    fromValidator(
      createReference(),
      { id: i === 0 ? 'reference' : `reference#${i + 1}` },
      { timeoutMs: DEFAULT_TIMEOUT_MS },
    ),
  );
}

/**
 * Reads one character of every string in a value. V8 builds a string made with `+=` as a rope of
 * pieces and flattens it on first read; read at once, the pieces die young instead of being kept,
 * with every other generated case, until the runner validates them.
 */
export function flatten(value: unknown): void {
  if (typeof value === 'string') value.charCodeAt(0);
  else if (Array.isArray(value)) for (const v of value) flatten(v);
  else if (typeof value === 'object' && value !== null)
    for (const v of Object.values(value)) flatten(v);
}

/** One timed run of `targets` copies of the reference, counting what the runner generates. */
export async function timedRun(
  seed: number,
  runs: number,
  targets: number,
  ruleIds: readonly RuleId[],
  flattenStrings = false,
): Promise<ScalingRow> {
  let arbitraryCalls = 0;
  let generatedValues = 0;
  // Counts every value the runner generates: proof that generation happens once per rule.
  const arbitraryFor = (id: string): fc.Arbitrary<Case> => {
    arbitraryCalls++;
    return caseArbitrary(id as RuleId).map((c) => {
      generatedValues++;
      if (flattenStrings) flatten(c.value);
      return c;
    });
  };
  // Isolated, as the CLI runs them: each copy in its own worker thread.
  const baseline = threadCpu();
  const list = await Promise.all(
    Array.from({ length: targets }, () =>
      createTarget('reference', { timeoutMs: DEFAULT_TIMEOUT_MS }),
    ),
  );
  const before = threadCpu();
  let after: ReadonlyMap<string, number> = new Map();
  const { wallMs, cpuMs, result } = await measure(async () => {
    const { report } = await certify(list, {
      seed,
      runs,
      examples: false,
      rules: ruleIds,
      arbitraryFor,
    });
    after = threadCpu();
    return report;
  }).finally(() => Promise.all(list.map((t) => t.close())));
  const threads = splitCpu(baseline, before, after);
  const failed = result.targets.flatMap((t) => t.results.filter((r) => r.status !== 'pass'));
  if (failed.length > 0) throw new Error(`the reference did not pass ${failed[0]?.rule}`);
  const validations = result.targets.reduce(
    (n, t) => n + t.results.reduce((m, r) => m + r.runs, 0),
    0,
  );
  return {
    runs,
    targets,
    rules: ruleIds.length,
    validations,
    wallMs,
    cpuMs,
    usPerValidation: (cpuMs * 1000) / validations,
    arbitraryCalls,
    generatedValues,
    ...(threads === undefined ? {} : { threads }),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** The live heap at the start of the last rule of a run, in MiB (needs node --expose-gc). */
async function liveHeap(
  seed: number,
  runs: number,
  ruleIds: readonly RuleId[],
): Promise<number | undefined> {
  if (gc === undefined) return undefined;
  let live = 0;
  let rulesSeen = 0;
  const onProgress = (): void => {
    rulesSeen++;
    if (rulesSeen < ruleIds.length) return;
    gc();
    live = process.memoryUsage().heapUsed;
  };
  gc();
  const before = process.memoryUsage().heapUsed;
  await certify(references(1), { seed, runs, examples: false, rules: ruleIds, onProgress });
  return Math.max(0, live - before) / 2 ** 20;
}

/** CPU microseconds per case of a bare `fc.check` loop with the oracle as the predicate. */
async function bareLoop(seed: number, runs: number, ruleIds: readonly RuleId[]): Promise<number> {
  const { cpuMs } = await measure(() => {
    for (const id of ruleIds) {
      fc.check(
        fc.property(
          caseArbitrary(id),
          (c) => c.kind === 'live' || check(c.kind as ValidatorKind, c.value).valid === c.valid,
        ),
        { seed, numRuns: runs },
      );
    }
  });
  return (cpuMs * 1000) / (runs * ruleIds.length);
}

export async function runsScaling(seed: number): Promise<ScalingRow[]> {
  // Warm-up: the first run pays for JIT compilation of the generators.
  await timedRun(seed, 100, 1, SCALING_RULES);
  const rows: ScalingRow[] = [];
  await bareLoop(seed, 100, SCALING_RULES);
  for (const runs of [100, 1_000, 10_000]) {
    const row = await timedRun(seed, runs, 1, SCALING_RULES);
    const bareUsPerCase = await bareLoop(seed, runs, SCALING_RULES);
    const flat = await timedRun(seed, runs, 1, SCALING_RULES, true);
    const live = await liveHeap(seed, runs, SCALING_RULES);
    rows.push({
      ...row,
      bareUsPerCase,
      flatUsPerValidation: flat.usPerValidation,
      ...(live === undefined ? {} : { liveHeapMiB: live }),
    });
  }
  return rows;
}

export async function targetsScaling(seed: number, reps = 3): Promise<ScalingRow[]> {
  const all = validatorRules().map((r) => r.id as RuleId);
  const counts = [1, 2, 4, 8];
  await timedRun(seed, DEFAULT_RUNS, 1, all);
  // Rounds of 1, 2, 4, 8 targets, so a change in the machine's load hits every count alike.
  const byCount = new Map<number, ScalingRow[]>(counts.map((n) => [n, []]));
  for (let i = 0; i < reps; i++) {
    for (const n of counts) byCount.get(n)?.push(await timedRun(seed, DEFAULT_RUNS, n, all));
  }
  return counts.map((n) => {
    const rows = byCount.get(n) ?? [];
    const cpuMs = median(rows.map((r) => r.cpuMs));
    const first = rows[0] as ScalingRow;
    const split = rows.flatMap((r) => (r.threads === undefined ? [] : [r.threads]));
    const threads =
      split.length === rows.length
        ? {
            mainMs: median(split.map((t) => t.mainMs)),
            newThreadsMs: median(split.map((t) => t.newThreadsMs)),
            backgroundMs: median(split.map((t) => t.backgroundMs)),
          }
        : undefined;
    return {
      ...first,
      wallMs: median(rows.map((r) => r.wallMs)),
      cpuMs,
      usPerValidation: (cpuMs * 1000) / first.validations,
      ...(threads === undefined ? {} : { threads }),
    };
  });
}
