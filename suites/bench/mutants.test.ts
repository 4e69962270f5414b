import { BUGS } from '../../bench/mutation/bugs.js';
import { CHECK_REMOVED_MUTANTS } from '../../bench/mutation/derived-mutants.js';
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

  test('covers every validator rule: an accept rule with a hand-written strict mutant', () => {
    const covered = new Set<string>([...MUTANTS, ...CHECK_REMOVED_MUTANTS].map((m) => m.rule));
    const missing = validatorRules()
      .map((r) => r.id)
      .filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });

  test('gives every reject rule its check-removed mutant, lax, named apart from the others', () => {
    const reject = validatorRules().filter((r) => r.polarity === 'reject');
    expect(CHECK_REMOVED_MUTANTS.map((m) => [m.rule, m.kind])).toEqual(
      reject.map((r) => [r.id, 'lax']),
    );
    const handWritten = new Set(MUTANTS.map((m) => m.id));
    expect(CHECK_REMOVED_MUTANTS.filter((m) => handWritten.has(m.id))).toEqual([]);
  });

  test('the check-removed mutant accepts exactly the values that break its rule alone', () => {
    const m = CHECK_REMOVED_MUTANTS.find((x) => x.rule === 'handle.length.max');
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;
    expect(m?.accepts?.('handle', long)).toBe(true);
    // Too long and with a bad character: another check still rejects it.
    expect(m?.accepts?.('handle', `${long.slice(0, -1)}_`)).toBe(false);
    expect(m?.accepts?.('handle', 'alice.test')).toBe(false);
  });
});
