import fc from 'fast-check';
import { HANDLE_TRAITS, type HandleTrait, handle } from '../../../generators/_internals/handle.js';
import { HANDLE_REJECT_RULES, invalidHandle } from '../../../generators/invalidHandle.js';
import { DISALLOWED_TLDS, handleViolations } from '../../../src/spec/index.js';
import {
  assertLabelledUnion,
  assertPlainJson,
  assertProduceCorrectValues,
  assertSameJson,
  assertThat,
  countWhere,
  expectPlainJson,
  itKeepsTraitsInClass,
} from '../../_helpers/arbitraryAssertions.js';

const labelsOf = (h: string): string[] => h.split('.');
const tldOf = (h: string): string => labelsOf(h).at(-1) ?? '';

/** Each trait's class, written from the rule summaries (not from the generator code). */
const IN_CLASS: Readonly<Record<HandleTrait, (h: string) => boolean>> = {
  'upper-case': (h) => /[A-Z]/.test(h),
  'length-limits': (h) =>
    h.length >= 240 &&
    labelsOf(h).some((l) => l.length === 63) &&
    labelsOf(h).some((l) => l.length === 1),
  'one-char-tld': (h) => tldOf(h).length === 1,
  'numeric-label': (h) =>
    labelsOf(h)
      .slice(0, -1)
      .some((l) => /^[0-9]+$/.test(l)),
  'inner-hyphens': (h) => labelsOf(h).some((l) => l.slice(1, -1).includes('-')),
  punycode: (h) => labelsOf(h).some((l) => l.toLowerCase().startsWith('xn--')),
  'disallowed-tld': (h) => DISALLOWED_TLDS.includes(`.${tldOf(h).toLowerCase()}`),
  'handle-invalid': (h) => h === 'handle.invalid',
};

describe('handle()', () => {
  it('should only produce valid handles, also when shrunk', () => {
    const checked = assertProduceCorrectValues(
      handle(),
      (h) => assertSameJson(handleViolations(h), []),
      { numRuns: 100 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('should only produce lowercase handles when asked', () => {
    assertProduceCorrectValues(
      handle({ lowercase: true }),
      (h) => {
        assertSameJson(handleViolations(h), []);
        assertThat(h === h.toLowerCase(), 'a lowercase handle');
      },
      { numRuns: 50 },
    );
  });

  itKeepsTraitsInClass(HANDLE_TRAITS, handle, handleViolations, IN_CLASS);

  it('should refuse an upper-case trait that must be lowercase', () => {
    expect(() => handle({ trait: 'upper-case', lowercase: true })).toThrow(RangeError);
  });

  it('should reach every edge case within 1,000 samples', () => {
    // Arrange
    const values = fc.sample(handle(), { seed: 7, numRuns: 1000 });
    // Act
    const seen = {
      nearMax: countWhere(values, (h) => h.length >= 240),
      exactlyMax: countWhere(values, (h) => h.length === 253),
      label63: countWhere(values, (h) => labelsOf(h).some((l) => l.length === 63)),
      label1: countWhere(values, (h) => labelsOf(h).some((l) => l.length === 1)),
      upper: countWhere(values, IN_CLASS['upper-case']),
      allUpper: countWhere(values, (h) => h === h.toUpperCase()),
      punycode: countWhere(values, IN_CLASS.punycode),
      numeric: countWhere(values, IN_CLASS['numeric-label']),
      disallowedTld: countWhere(values, IN_CLASS['disallowed-tld']),
      handleInvalid: countWhere(values, IN_CLASS['handle-invalid']),
      oneCharTld: countWhere(values, IN_CLASS['one-char-tld']),
      innerHyphens: countWhere(values, IN_CLASS['inner-hyphens']),
      doubleHyphen: countWhere(values, (h) =>
        labelsOf(h).some((l) => l.slice(1, -1).includes('--')),
      ),
    };
    // Assert
    for (const [edge, count] of Object.entries(seen)) {
      expect([edge, count > 0]).toEqual([edge, true]);
    }
    expect(new Set(values).size).toBeGreaterThan(800);
  });

  it('should yield plain JSON strings', () => {
    for (const h of fc.sample(handle(), { seed: 3, numRuns: 200 })) expectPlainJson(h);
  });
});

describe('invalidHandle()', () => {
  it.each(HANDLE_REJECT_RULES)(
    'should break %s with exactly its label, also when shrunk',
    (rule) => {
      assertProduceCorrectValues(
        invalidHandle({ rule }),
        (v) => {
          assertThat(v.violates.includes(rule), `a label with ${rule}`);
          assertSameJson(handleViolations(v.value), v.violates, 'handleViolations');
          assertPlainJson(v.value);
        },
        { numRuns: 30, maxShrinkSteps: 10 },
      );
    },
  );

  it('should label the union exactly and cover every rule', () => {
    assertLabelledUnion(invalidHandle(), handleViolations, HANDLE_REJECT_RULES);
  });

  it('should include the classic traps', () => {
    const values = fc
      .sample(invalidHandle(), { seed: 11, numRuns: 3000 })
      .map((v) => v.value)
      .filter((v): v is string => typeof v === 'string');
    const has = (p: (s: string) => boolean): boolean => values.some(p);
    expect(has((s) => s.endsWith('\n'))).toBe(true);
    expect(has((s) => s.startsWith(' '))).toBe(true);
    expect(has((s) => s.endsWith(' '))).toBe(true);
    expect(has((s) => s.includes('\0'))).toBe(true);
    expect(has((s) => s.includes('\u200d'))).toBe(true);
    const nonAsciiLetter = (c: string): boolean =>
      (c.codePointAt(0) ?? 0) > 127 && /\p{L}/u.test(c);
    expect(has((s) => [...s].some(nonAsciiLetter))).toBe(true);
    expect(has((s) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s))).toBe(true);
    expect(has((s) => s.length >= 254 && /^[a-zA-Z0-9.-]+$/.test(s))).toBe(true);
    expect(has((s) => s.split('.').some((l) => l.length === 64))).toBe(true);
    expect(has((s) => s === '')).toBe(true);
  });
});
