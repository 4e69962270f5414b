import fc from 'fast-check';
import { caseArbitrary } from '../../../generators/index.js';
import type { Target, Verdict } from '../../../src/contract/validator.js';
import { evaluate, type LabelledCase } from '../../../src/runner/case.js';
import { compactPath } from '../../../src/runner/replay-path.js';
import { shrink } from '../../../src/runner/shrink.js';
import { targetValidate } from '../../../src/runner/validate.js';
import type { RuleId } from '../../../src/spec/index.js';
import type { ValidatorKind } from '../../../src/spec/rules/types.js';
import { fakeTarget, invalid, valid } from './_fixtures.js';

/*
 * Shrinking sends values to the target ahead of need, in batches, but ends at the case and path
 * of fc.check's own one-at-a-time shrinking (the model below), in fewer round trips.
 */

const KINDS: ValidatorKind[] = ['handle', 'did', 'session', 'getSession'];

/** fc.check's shrinking of run `index`, with the same notion of keeping the outcome. */
async function modelShrink(
  arbitrary: fc.Arbitrary<LabelledCase>,
  index: number,
  outcome: 'fail' | 'error',
  seed: number,
  target: Target,
): Promise<{ c: LabelledCase; path: string } | undefined> {
  const validate = targetValidate(target, KINDS);
  const details = await fc.check(
    fc.asyncProperty(
      arbitrary,
      async (c) => !validate.supports(c) || evaluate(c, await validate(c)) !== outcome,
    ),
    { seed, path: String(index), numRuns: 1 },
  );
  const c = details.counterexample?.[0];
  if (!details.failed || c === undefined || details.counterexamplePath === null) return undefined;
  return { c, path: compactPath(details.counterexamplePath) };
}

/** Records the batches a target is sent: their sizes, and whether one of its verdicts errored. */
function counted(target: Target): Target & { batches: { size: number; errored: boolean }[] } {
  const batches: { size: number; errored: boolean }[] = [];
  return {
    ...target,
    batches,
    async validateBatch(requests) {
      const verdicts = await target.validateBatch(requests);
      const errored = verdicts.some((v) => v.outcome === 'errored');
      batches.push({ size: requests.length, errored });
      return verdicts;
    },
  };
}

const json = (value: unknown): number => JSON.stringify(value)?.length ?? 0;
const boom: Verdict = { outcome: 'errored', message: 'threw: boom' };

/** Targets with different failures: everything accepted or rejected, long values, errors. */
const TARGETS: Record<string, (kind: ValidatorKind, value: unknown) => Verdict> = {
  lax: () => valid,
  strict: () => invalid,
  'rejects long values': (_k, v) => (json(v) > 40 ? invalid : valid),
  'errors on long values': (_k, v) => (json(v) > 12 ? boom : valid),
  'rejects long values, errors on some shorter ones': (_k, v) =>
    json(v) > 60 ? invalid : json(v) > 20 && json(v) % 3 === 0 ? boom : valid,
};

const RULES: RuleId[] = [
  'handle.length.max',
  'did.chars.allowed',
  'session.accept.valid',
  'session.accept.did-doc-int64',
  'session.field.didDoc.no-float',
  'session.required.did',
];

describe('shrink', () => {
  for (const [name, answer] of Object.entries(TARGETS)) {
    it(`ends at fc.check's case and path, in fewer round trips (${name})`, async () => {
      let compared = 0;
      let failsWithErrors = 0;
      for (const rule of RULES) {
        const arbitrary = caseArbitrary(rule);
        const seed = 7;
        const sample = fc.sample(arbitrary, { seed, numRuns: 20 });
        const outcomes = sample.map((c) => evaluate(c, answer(c.kind as ValidatorKind, c.value)));
        const fails = outcomes.indexOf('fail');
        const index = fails === -1 ? outcomes.indexOf('error') : fails;
        const outcome = outcomes[index];
        if (outcome !== 'fail' && outcome !== 'error') continue;
        const target = fakeTarget(name, KINDS, answer);
        const sent = counted(target);
        const batched = await shrink(
          arbitrary,
          index,
          outcome,
          { seed },
          targetValidate(sent, KINDS),
        );
        const model = await modelShrink(arbitrary, index, outcome, seed, target);
        expect([rule, batched?.path, JSON.stringify(batched?.c)]).toEqual([
          rule,
          model?.path,
          JSON.stringify(model?.c),
        ]);
        const sizes = sent.batches.map((b) => b.size);
        const tried = sizes.reduce((a, b) => a + b, 0);
        // An error, and a failure once a value has errored, go one value at a time.
        const firstError = sent.batches.findIndex((b) => b.errored);
        if (outcome === 'error') expect(Math.max(...sizes)).toBe(1);
        else if (firstError !== -1) {
          expect(Math.max(...sizes.slice(firstError + 1), 1)).toBe(1);
          failsWithErrors++;
        } else if (tried > 20) expect(sizes.length).toBeLessThan(tried / 2);
        compared++;
      }
      expect(compared).toBeGreaterThanOrEqual(2);
      if (name.includes('errors on some')) expect(failsWithErrors).toBeGreaterThan(0);
    });
  }

  it('finds nothing when the run no longer fails (a flaky target), without shrinking', async () => {
    const arbitrary = caseArbitrary('handle.length.max');
    const index = fc.sample(arbitrary, { seed: 3, numRuns: 10 }).findIndex((c) => !c.valid);
    const sent = counted(fakeTarget('now-strict', KINDS, () => invalid));
    const found = await shrink(arbitrary, index, 'fail', { seed: 3 }, targetValidate(sent, KINDS));
    expect(found).toBeUndefined();
    expect(sent.batches.map((b) => b.size)).toEqual([1]);
  });

  it('stops at the time limit with the case it started from', async () => {
    const arbitrary = caseArbitrary('session.accept.valid');
    const sent = counted(fakeTarget('strict', KINDS, () => invalid));
    const found = await shrink(
      arbitrary,
      0,
      'fail',
      { seed: 1, shrinkTimeMs: 0 },
      targetValidate(sent, KINDS),
    );
    expect(found?.path).toBe('0');
    expect(found?.c).toEqual(fc.sample(arbitrary, { seed: 1, numRuns: 1 })[0]);
  });
});
