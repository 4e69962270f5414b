import fc from 'fast-check';
import { caseArbitrary } from '../../generators/index.js';
import { create as createReference } from '../../src/adapters/reference.js';
import { certify } from '../../src/api/certify.js';
import { DEFAULT_TIMEOUT_MS } from '../../src/contract/validator.js';
import { caseKey } from '../../src/runner/case.js';
import { DEFAULT_RUNS } from '../../src/runner/options.js';
import { validatorRules } from '../../src/runner/run.js';
import type { RuleId, ValidatorKind } from '../../src/spec/index.js';
import { check } from '../../src/spec/oracle.js';
import { fromValidator } from '../../src/targets/from-validator.js';
import { interleaved, type Timing } from './timing.js';

/*
 * Runner overhead: the reference oracle certified through `runConformance` against a bare
 * fast-check loop over the same arbitraries, seed, runs and predicate. Then the pieces of the
 * runner's own work, timed alone, to say where any difference goes.
 */

export interface OverheadResult {
  readonly seed: number;
  readonly runs: number;
  readonly rules: number;
  readonly reps: number;
  readonly runner: Timing;
  readonly bareLoop: Timing;
  /** runner / bare loop (CPU time; wall time in `wallRatio`). */
  readonly ratio: number;
  readonly wallRatio: number;
  /** The runner's steps, each timed alone over the same cases. */
  readonly parts: {
    /** `fc.sample` of every rule (what the runner does once per rule). */
    readonly generate: Timing;
    /** `caseKey` (JSON.stringify) of every case: the per-target verdict cache. */
    readonly cacheKeys: Timing;
    /** The reference adapter through the in-process target, as a batch per rule. */
    readonly validate: Timing;
    /** The oracle's `check` alone on every case. */
    readonly oracle: Timing;
  };
}

const arbitraryFor = (id: string) => caseArbitrary(id as RuleId);

export async function runnerOverhead(seed: number, reps: number): Promise<OverheadResult> {
  const runs = DEFAULT_RUNS;
  const rules = validatorRules().map((r) => r.id);
  const target = fromValidator(
    createReference(),
    { id: 'reference' },
    { timeoutMs: DEFAULT_TIMEOUT_MS },
  );
  const options = { seed, runs, examples: false, arbitraryFor };

  const cases = rules.flatMap((id) => fc.sample(arbitraryFor(id), { seed, numRuns: runs }));
  const requests = cases
    .filter((c) => c.kind !== 'live')
    .map((c) => ({ kind: c.kind as ValidatorKind, value: c.value }));
  const work = {
    runner: () => certify([target], options),
    bareLoop: () => {
      for (const id of rules) {
        fc.check(
          fc.property(
            arbitraryFor(id),
            (c) => c.kind === 'live' || check(c.kind as ValidatorKind, c.value).valid === c.valid,
          ),
          { seed, numRuns: runs },
        );
      }
    },
    generate: () => {
      for (const id of rules) fc.sample(arbitraryFor(id), { seed, numRuns: runs });
    },
    cacheKeys: () => {
      const seen = new Map<string, boolean>();
      for (const c of cases) seen.set(caseKey(c), true);
    },
    validate: () => target.validateBatch(requests),
    oracle: () => {
      for (const r of requests) check(r.kind, r.value);
    },
  };
  // Taken in turn, rep after rep, so a change in the machine's load hits every measure alike.
  const t = await interleaved(reps, work);
  const { runner, bareLoop } = t;
  return {
    seed,
    runs,
    rules: rules.length,
    reps,
    runner,
    bareLoop,
    ratio: runner.cpuMs / bareLoop.cpuMs,
    wallRatio: runner.wallMs / bareLoop.wallMs,
    parts: { generate: t.generate, cacheKeys: t.cacheKeys, validate: t.validate, oracle: t.oracle },
  };
}
