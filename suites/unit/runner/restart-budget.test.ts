import { caseArbitrary } from '../../../generators/index.js';
import type { Target } from '../../../src/contract/validator.js';
import type { RuleResult } from '../../../src/report/model.js';
import { runConformance } from '../../../src/runner/run.js';
import type { RuleId } from '../../../src/spec/index.js';
import { createTarget } from '../../../src/targets/index.js';
import { fauxCmd, fauxModule } from '../targets/_faux.js';

/*
 * One rule's crashes never error another rule's requests: the restart budget is renewed for each
 * rule, so a rule gets the same verdict after a rule that spent the budget as alone, even when
 * the validator has not answered anything before. One that never answers gets 3 budgets only.
 */

/** Every handle crashes the validator; every DID of the next rule is invalid, as it answers. */
const CRASHING: RuleId = 'handle.length.max';
const FINE: RuleId = 'did.length.max';

async function certify(spec: string, ruleIds: RuleId[]): Promise<readonly RuleResult[]> {
  const target: Target = await createTarget(spec, { timeoutMs: 5_000, maxRestarts: 2 });
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

it('a harness that has never answered gets a new budget for 3 rules only', async () => {
  const rules: RuleId[] = [CRASHING, 'handle.chars.allowed', 'handle.label.max-length', FINE];
  const results = await certify(fauxCmd('crash-on', '1'), rules);
  expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error', 'error']);
  expect(results[2]?.message).toMatch(/stopped before answering/);
  expect(results[3]?.message).toMatch(
    /restart budget of 2 spent in 3 rules before it answered anything/,
  );
});
