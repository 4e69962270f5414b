import { caseArbitrary } from '../../../generators/index.js';
import type { Target } from '../../../src/contract/validator.js';
import type { RuleResult } from '../../../src/report/model.js';
import { expandPath } from '../../../src/runner/replay-path.js';
import { runConformance } from '../../../src/runner/run.js';
import type { RuleId } from '../../../src/spec/index.js';
import { createTarget } from '../../../src/targets/index.js';
import { fauxCmd, fauxModule } from '../targets/_faux.js';

/*
 * Validators that stop (exit, crash their thread) on some values. One rule's crashes never
 * error another rule's requests: the restart budget is renewed for each
 * rule, so a rule gets the same verdict after a rule that spent the budget as alone, even when
 * the validator has not answered anything before. One that answers nothing (it hangs) gets two
 * budgets of timeouts, then no more.
 */

/** Every handle crashes the validator; every DID of the next rule is invalid, as it answers. */
const CRASHING: RuleId = 'handle.length.max';
const FINE: RuleId = 'did.length.max';

async function certify(
  spec: string,
  ruleIds: RuleId[],
  maxRestarts = 2,
): Promise<readonly RuleResult[]> {
  const target: Target = await createTarget(spec, { timeoutMs: 5_000, maxRestarts });
  try {
    const report = await runConformance([target], {
      seed: 5,
      runs: 30,
      ruleIds,
      arbitraryFor: (id: RuleId) => caseArbitrary(id),
    });
    return report.targets[0]?.results ?? [];
  } finally {
    await target.close();
  }
}

const strip = (r: RuleResult | undefined) => [r?.rule, r?.status, r?.counterexample, r?.replay];

describe.each([
  ['a cmd: harness', fauxCmd('crash-on-kind', 'handle')],
  ['a worker thread', `module:${fauxModule('exit-on-kind.mjs')}`],
])('the restart budget of %s', (_name, spec) => {
  it('is renewed for each rule: a rule after one that spent it gets its solo verdict', async () => {
    const [crashing, fine] = await certify(spec, [CRASHING, FINE]);
    expect(crashing).toMatchObject({ status: 'error', message: expect.stringMatching(/stopped/) });
    expect(fine?.status).toBe('pass');
    const [alone] = await certify(spec, [FINE]);
    expect(strip(fine)).toEqual(strip(alone));
  });
});

it('a harness that stops on every value, and never answered, still gets every rule tried', async () => {
  const rules: RuleId[] = [CRASHING, 'handle.chars.allowed', 'handle.label.max-length', FINE];
  const results = await certify(fauxCmd('crash-on', '1'), rules);
  expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error', 'error']);
  for (const r of results) expect(r.message).toMatch(/stopped before answering/);
});

it('a harness that answers nothing gets two budgets of timeouts, then one probe a rule', async () => {
  const rules: RuleId[] = [CRASHING, 'handle.chars.allowed', 'handle.label.max-length', FINE];
  const target: Target = await createTarget(fauxCmd('hang-on', '1'), {
    timeoutMs: 300,
    maxRestarts: 3,
  });
  try {
    const report = await runConformance([target], {
      seed: 5,
      runs: 5,
      ruleIds: rules,
      arbitraryFor: (id: RuleId) => caseArbitrary(id),
    });
    const results = report.targets[0]?.results ?? [];
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error', 'error']);
    for (const r of results) expect(r.message).toMatch(/timeout/);
    const notes = report.targets[0]?.stderr ?? '';
    expect(notes).toMatch(/it answers nothing: one probe per rule/);
    // Two rules of 4 timeouts (3 restarts), then one a rule (a request alone).
    expect(notes.match(/timed out/g)).toHaveLength(10);
  } finally {
    await target.close();
  }
});

it('a value the validator stops on is shrunk to a smaller one it stops on, which replays', async () => {
  const spec = fauxCmd('crash-on-kind', 'handle');
  const [result] = await certify(spec, [CRASHING], 10);
  expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/stopped/) });
  const path = result?.replay?.path ?? '';
  const steps = (expandPath(path) ?? '').split(':');
  // At least one shrink step, and the shrunk value is shorter than the generated one.
  expect(steps.length).toBeGreaterThan(1);
  const index = steps[0] as string;
  const target: Target = await createTarget(spec, { timeoutMs: 5_000 });
  try {
    const options = { seed: 5, runs: 30, ruleIds: [CRASHING] };
    const [unshrunk] =
      (await runConformance([target], { ...options, path: index })).targets[0]?.results ?? [];
    const [replayed] =
      (await runConformance([target], { ...options, path })).targets[0]?.results ?? [];
    const length = (r: RuleResult | undefined) => JSON.stringify(r?.counterexample?.value).length;
    expect(length(result)).toBeLessThan(length(unshrunk));
    expect(replayed?.counterexample).toEqual(result?.counterexample);
    expect(replayed?.status).toBe('error');
  } finally {
    await target.close();
  }
});

it('a value the spent budget kept from being sent is never the counterexample', async () => {
  // Every handle stops the harness: the rule's examples spend the budget of one restart, and
  // the generated values after them are errored unsent.
  const [result] = await certify(fauxCmd('crash-on-kind', 'handle'), [CRASHING], 1);
  expect(result?.status).toBe('error');
  expect(result?.message).toMatch(/stopped before answering/);
  expect(result?.message).not.toMatch(/restart budget/);
});
