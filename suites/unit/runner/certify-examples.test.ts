import { caseArbitrary } from '../../../generators/index.js';
import { runConformance, validatorRules } from '../../../src/runner/run.js';
import type { RuleId } from '../../../src/spec/index.js';
import { createTarget } from '../../../src/targets/index.js';

// The shipped example harnesses certify as conformant through `cmd:`, on every validator rule.
describe.each([
  ['python', 'cmd:python3 examples/harnesses/python/harness.py'],
  ['node', `cmd:'${process.execPath}' examples/harnesses/node/harness.mjs`],
])('the %s example harness', (_name, spec) => {
  it('certifies as conformant on every rule', async () => {
    const target = await createTarget(spec, { timeoutMs: 10_000 });
    try {
      const report = await runConformance([target], {
        seed: 7,
        runs: 100,
        arbitraryFor: (id) => caseArbitrary(id as RuleId),
      });
      const t = report.targets[0];
      const bad = t?.results
        .filter((r) => r.status !== 'pass')
        .map((r) => [r.rule, r.status, r.message]);
      expect(bad).toEqual([]);
      expect(t?.conformant).toBe(true);
      expect(t?.results.length).toBe(validatorRules().length);
    } finally {
      await target.close();
    }
  });
});
