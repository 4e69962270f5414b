import { runConformance } from '../../../src/runner/run.js';
import type { RuleId } from '../../../src/spec/index.js';
import { fakeTarget, invalid, toyArbitraries, valid } from './_fixtures.js';

const options = {
  seed: 42,
  runs: 100,
  examples: false,
  ruleIds: [
    'handle.tld.starts-with-letter',
    'handle.accept.syntax',
    'session.accept.valid',
  ] as RuleId[],
  arbitraryFor: toyArbitraries,
};

const digitTld = (v: unknown): boolean => typeof v === 'string' && /\.[0-9][^.]*$/.test(v);

describe('runConformance', () => {
  it('passes a correct target and fails a lax one with a shrunk, replayable counterexample', async () => {
    const good = fakeTarget('good', ['handle'], (_k, v) => (digitTld(v) ? invalid : valid));
    const lax = fakeTarget('lax', ['handle'], () => valid);
    const report = await runConformance([good, lax], options);

    const [g, l] = report.targets;
    expect(g?.summary).toEqual({ pass: 2, fail: 0, error: 0, skip: 1 });
    expect(g?.conformant).toBe(true);
    const tld = l?.results.find((r) => r.rule === 'handle.tld.starts-with-letter');
    expect(tld?.status).toBe('fail');
    expect(tld?.counterexample).toMatchObject({ kind: 'handle', expected: false, actual: true });
    // Shrinking reaches the smallest value of the toy arbitrary.
    expect(tld?.counterexample?.value).toBe('a.0');
    expect(tld?.casesToFailure).toBe(1);
    expect(l?.conformant).toBe(false);

    // Replaying the recorded seed and path gives back the same counterexample.
    const replay = await runConformance([lax], {
      ...options,
      ruleIds: ['handle.tld.starts-with-letter'] as RuleId[],
      seed: report.seed,
      path: tld?.replay?.path as string,
    });
    expect(replay.targets[0]?.results[0]?.counterexample?.value).toBe('a.0');
    expect(replay.targets[0]?.results[0]?.runs).toBe(1);
  });

  it('skips rules whose kinds the target does not support', async () => {
    const t = fakeTarget('handles-only', ['handle'], () => valid);
    const report = await runConformance([t], options);
    const s = report.targets[0]?.results.find((r) => r.rule === 'session.accept.valid');
    expect(s?.status).toBe('skip');
    expect(s?.message).toMatch(/does not support/);
  });

  it('reports a throwing or erroring validator as error, never as a rejection', async () => {
    const broken = fakeTarget('broken', ['handle'], () => ({
      outcome: 'errored',
      message: 'boom',
    }));
    const report = await runConformance([broken], options);
    const results = report.targets[0]?.results ?? [];
    expect(results.filter((r) => r.rule !== 'session.accept.valid').map((r) => r.status)).toEqual([
      'error',
      'error',
    ]);
    expect(results[0]?.message).toContain('boom');
    expect(report.targets[0]?.conformant).toBe(false);
  });

  it('generates once per rule, whatever the number of targets', async () => {
    const generated = new Map<string, number>();
    const counting = (id: RuleId) =>
      toyArbitraries(id).map((c) => {
        generated.set(id, (generated.get(id) ?? 0) + 1);
        return c;
      });
    const targets = ['a', 'b', 'c'].map((id) =>
      fakeTarget(id, ['handle'], (_k, v) => (digitTld(v) ? invalid : valid)),
    );
    await runConformance(targets, { ...options, arbitraryFor: counting });
    for (const id of options.ruleIds.filter((r) => r !== 'session.accept.valid')) {
      expect([id, generated.get(id)]).toEqual([id, options.runs]);
    }
    // No target runs the session rule: its generation may stop early, never run twice.
    expect(generated.get('session.accept.valid') ?? 0).toBeLessThanOrEqual(options.runs);
  });

  it('is deterministic for a seed', async () => {
    const lax = () => fakeTarget('lax', ['handle'], () => valid);
    const a = await runConformance([lax()], { ...options, seed: 7 });
    const b = await runConformance([lax()], { ...options, seed: 7 });
    expect(a.targets[0]?.results).toEqual(b.targets[0]?.results);
  });
});
