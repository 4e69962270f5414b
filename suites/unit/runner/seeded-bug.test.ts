import { caseArbitrary } from '../../../generators/index.js';
import type { Validator } from '../../../src/contract/validator.js';
import { runConformance } from '../../../src/runner/run.js';
import { check, handleViolations, type RuleId } from '../../../src/spec/index.js';
import { fromValidator } from '../../../src/targets/from-validator.js';

/** A copy of the oracle with one realistic bug: a TLD may start with a digit. */
const buggy: Validator = {
  name: 'oracle-with-tld-bug',
  kinds: ['handle', 'did', 'session', 'getSession'],
  validate(kind, value) {
    if (kind === 'handle') {
      const broken = handleViolations(value).filter((r) => r !== 'handle.tld.starts-with-letter');
      return broken.length === 0;
    }
    return check(kind, value).valid;
  },
};

describe('a seeded bug in a copy of the oracle', () => {
  it('is caught on exactly its rule, with a minimal, replayable counterexample', async () => {
    const target = fromValidator(buggy, { id: 'buggy' }, { timeoutMs: 1000 });
    const options = {
      seed: 1234,
      runs: 200,
      examples: false,
      ruleIds: [
        'handle.tld.starts-with-letter',
        'handle.accept.syntax',
        'handle.label.max-length',
      ] as RuleId[],
      arbitraryFor: (id: RuleId) => caseArbitrary(id),
    };
    const report = await runConformance([target], options);
    const results = report.targets[0]?.results ?? [];
    expect(results.map((r) => [r.rule, r.status])).toEqual([
      ['handle.label.max-length', 'pass'],
      ['handle.tld.starts-with-letter', 'fail'],
      ['handle.accept.syntax', 'pass'],
    ]);
    const fail = results[1];
    const value = fail?.counterexample?.value as string;
    // Minimal: it breaks only that rule, and every label has shrunk to a single character.
    expect(handleViolations(value)).toEqual(['handle.tld.starts-with-letter']);
    expect(value.split('.').every((label) => label.length === 1)).toBe(true);
    expect(fail?.counterexample).toMatchObject({ expected: false, actual: true });

    const replay = await runConformance([target], {
      ...options,
      ruleIds: ['handle.tld.starts-with-letter'] as RuleId[],
      path: fail?.replay?.path as string,
    });
    expect(replay.targets[0]?.results[0]?.counterexample?.value).toBe(value);
  });
});
