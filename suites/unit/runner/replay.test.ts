import fc from 'fast-check';
import { caseArbitrary } from '../../../generators/index.js';
import type { Target } from '../../../src/contract/validator.js';
import type { RuleResult } from '../../../src/report/model.js';
import type { LabelledCase } from '../../../src/runner/case.js';
import { ReplayError } from '../../../src/runner/replay.js';
import { compactPath, expandPath } from '../../../src/runner/replay-path.js';
import { runConformance } from '../../../src/runner/run.js';
import type { RuleId } from '../../../src/spec/index.js';
import { fakeTarget, invalid, toyArbitraries, valid } from './_fixtures.js';

/*
 * Every replay command of a report reproduces its counterexample, for targets that support
 * only some kinds too (explicit examples are indexed in the rule's whole list); paths are
 * compact and exact; a path that names nothing is an error, not a pass.
 */

const HANDLE_CASE: LabelledCase = { kind: 'handle', value: 'a.test', valid: true, violates: [] };
const OPTIONS = { seed: 5, runs: 30, arbitraryFor: (id: RuleId) => caseArbitrary(id) };

/** Accepts everything; rejects values that are not strings or objects as garbage. */
const lax = (): Target =>
  fakeTarget('lax', ['handle', 'did', 'session', 'getSession'], () => valid);
/** Only getSession, rejecting everything: fails every accept rule on its examples. */
const strict = (): Target => fakeTarget('strict', ['getSession'], () => invalid);
/** Throws on handles longer than 4 characters. */
const throwing = (): Target =>
  fakeTarget('throwing', ['handle'], (_k, v) =>
    typeof v === 'string' && v.length > 4 ? { outcome: 'errored', message: 'threw: boom' } : valid,
  );

function found(results: readonly RuleResult[]): RuleResult[] {
  return results.filter((r) => (r.status === 'fail' || r.status === 'error') && r.replay);
}

describe('replay', () => {
  it('every replay command of a generated report reproduces its counterexample', async () => {
    const targets = [lax(), strict(), throwing()];
    const report = await runConformance(targets, OPTIONS);
    let replayed = 0;
    for (const [t, target] of targets.entries()) {
      for (const result of found(report.targets[t]?.results ?? [])) {
        const again = await runConformance([target], {
          ...OPTIONS,
          ruleIds: [result.rule],
          seed: result.replay?.seed as number,
          path: result.replay?.path as string,
        });
        const r = again.targets[0]?.results[0];
        expect([result.rule, target.info.id, r?.status, r?.counterexample]).toEqual([
          result.rule,
          target.info.id,
          result.status,
          result.counterexample,
        ]);
        // Compact: a few dozen characters at most.
        expect(result.replay?.path.length).toBeLessThanOrEqual(60);
        replayed++;
      }
    }
    expect(replayed).toBeGreaterThan(20);
  });

  it('an example path names the same case for a target that supports only some kinds', async () => {
    // Generated cases are handles, which `strict` never gets: only examples reach it.
    const handlesOnly = { ...OPTIONS, arbitraryFor: () => fc.constant(HANDLE_CASE) };
    const report = await runConformance([strict()], {
      ...handlesOnly,
      ruleIds: ['session.accept.valid'],
    });
    const result = report.targets[0]?.results[0];
    expect(result?.replay?.path).toMatch(/^example:[1-9]/);
    const again = await runConformance([strict()], {
      ...handlesOnly,
      ruleIds: ['session.accept.valid'],
      path: result?.replay?.path as string,
    });
    expect(again.targets[0]?.results[0]?.status).toBe('fail');
    expect(again.targets[0]?.results[0]?.counterexample).toEqual(result?.counterexample);
  });

  it('errors are shrunk like failures', async () => {
    const report = await runConformance([throwing()], {
      ...OPTIONS,
      examples: false,
      ruleIds: ['handle.accept.syntax'],
      arbitraryFor: toyArbitraries,
    });
    const result = report.targets[0]?.results[0];
    expect(result?.status).toBe('error');
    // The toy arbitrary's smallest handle that still makes it throw (5 characters).
    expect(String(result?.counterexample?.value)).toHaveLength(5);
    expect(result?.message).toMatch(/validator errored: threw: boom/);
  });

  it('an error from a target that hung is not shrunk: its first value and message stay', async () => {
    const hung = fakeTarget('hung', ['handle'], () => ({
      outcome: 'errored',
      message: 'no answer within 5 ms (timeout); the worker was restarted',
    }));
    const report = await runConformance([hung], {
      ...OPTIONS,
      examples: false,
      ruleIds: ['handle.accept.syntax'],
      arbitraryFor: toyArbitraries,
    });
    const result = report.targets[0]?.results[0];
    expect(result?.message).toMatch(/\(timeout\)/);
    expect(result?.replay?.path).toBe('0');
    // Only the batch: no shrinking tries one by one.
    expect(hung.calls).toBe(OPTIONS.runs);
  });

  it('a path that names no case is a ReplayError', async () => {
    // '9*9' walks past the shrink tree: fast-check's own error must not leak out as a crash.
    for (const path of ['example:9999', 'nonsense', '1:x', '9*9']) {
      await expect(
        runConformance([lax()], { ...OPTIONS, ruleIds: ['handle.length.max'], path }),
      ).rejects.toThrow(ReplayError);
    }
  });

  it('compact paths expand to the exact fast-check path', () => {
    const path = ['17', ...Array(212).fill('0'), '1', '1', '0', '0', '0'].join(':');
    expect(compactPath(path)).toBe('17:0*212:1:1:0*3');
    expect(expandPath(compactPath(path))).toBe(path);
    expect(expandPath('3:1:0')).toBe('3:1:0');
    expect(expandPath('3:0*0')).toBeUndefined();
  });
});
