import { BUGS } from '../../bench/mutation/bugs.js';
import { MUTANTS } from '../../bench/mutation/mutants.js';
import { validatorRules } from '../../src/runner/run.js';
import { getRule, isRuleId } from '../../src/spec/rules/index.js';

describe('the mutant table', () => {
  test('has at least 60 mutants, one bug each, every bug used once', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(MUTANTS.map((m) => m.id)).size).toBe(MUTANTS.length);
    expect(MUTANTS.flatMap((m) => (m.bug === undefined ? [] : [m.bug])).sort()).toEqual(
      [...BUGS].sort(),
    );
  });

  test('names known rules of the right polarity', () => {
    for (const m of MUTANTS) {
      expect([m.id, isRuleId(m.rule)]).toEqual([m.id, true]);
      // A lax mutant is caught by a reject rule, a strict one by an accept rule.
      const want = m.kind === 'lax' ? 'reject' : 'accept';
      expect([m.id, getRule(m.rule).polarity]).toEqual([m.id, want]);
      if (m.about !== undefined)
        expect([m.id, getRule(m.about).polarity]).toEqual([m.id, 'reject']);
    }
  });

  test('covers every validator rule', () => {
    const covered = new Set<string>(MUTANTS.map((m) => m.rule));
    const missing = validatorRules()
      .map((r) => r.id)
      .filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });

  test('gives every MUST reject rule a lax mutant', () => {
    const lax = new Set<string>(MUTANTS.filter((m) => m.kind === 'lax').map((m) => m.rule));
    const missing = validatorRules()
      .filter((r) => r.level === 'MUST' && r.polarity === 'reject')
      .map((r) => r.id)
      .filter((id) => !lax.has(id));
    expect(missing).toEqual([]);
  });
});
