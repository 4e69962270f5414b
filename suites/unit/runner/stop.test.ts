import type { Target, Verdict } from '../../../src/contract/validator.js';
import { runConformance, validatorRules } from '../../../src/runner/run.js';
import { fakeTarget, invalid, toyArbitraries, valid } from './_fixtures.js';

// A run stops early on the caller's signal or after --max-failures, with a partial report.

// In catalogue order, the order a run takes them in.
const RULES = validatorRules([
  'handle.accept.syntax',
  'handle.tld.starts-with-letter',
  'handle.length.max',
]).map((r) => r.id);
const options = {
  seed: 3,
  runs: 20,
  examples: false,
  ruleIds: RULES,
  arbitraryFor: toyArbitraries,
};
const digitTld = (v: unknown): boolean => typeof v === 'string' && /\.[0-9][^.]*$/.test(v);

describe('stopping a run', () => {
  it('on abort: returns at once with the results so far, interrupted, and the rules not run', async () => {
    const controller = new AbortController();
    let batches = 0;
    const base = fakeTarget('t', ['handle'], (_k, v) => (digitTld(v) ? invalid : valid));
    // The second rule never gets an answer: only the abort can end the run.
    const target: Target = {
      ...base,
      validateBatch: (requests) => {
        batches++;
        if (batches === 1) return base.validateBatch(requests);
        controller.abort();
        return new Promise<Verdict[]>(() => {});
      },
    };
    const report = await runConformance([target], { ...options, signal: controller.signal });
    expect(report.targets[0]?.results.map((r) => r.rule)).toEqual([RULES[0]]);
    expect(report).toMatchObject({ interrupted: true, notRun: RULES.slice(1) });
  });

  it('an already aborted signal runs nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const t = fakeTarget('t', ['handle'], () => valid);
    const report = await runConformance([t], { ...options, signal: controller.signal });
    expect(report.targets[0]?.results).toEqual([]);
    expect(report).toMatchObject({ interrupted: true, notRun: RULES });
    expect(t.calls).toBe(0);
  });

  it('maxFailures: stops after that many failing results, not interrupted', async () => {
    // Fails the tld rule only.
    const lax = fakeTarget('lax', ['handle'], () => valid);
    const report = await runConformance([lax], { ...options, maxFailures: 1 });
    const results = report.targets[0]?.results ?? [];
    expect(results.at(-1)).toMatchObject({ rule: 'handle.tld.starts-with-letter', status: 'fail' });
    expect(results.slice(0, -1).every((r) => r.status === 'pass')).toBe(true);
    const ran = results.map((r) => r.rule);
    expect(report).toMatchObject({
      interrupted: false,
      notRun: RULES.filter((id) => !ran.includes(id)),
    });
    expect(ran.length).toBeLessThan(RULES.length);
  });

  it('a run that is not stopped has neither field', async () => {
    const report = await runConformance([fakeTarget('t', ['handle'], () => valid)], options);
    expect('interrupted' in report || 'notRun' in report).toBe(false);
  });
});
