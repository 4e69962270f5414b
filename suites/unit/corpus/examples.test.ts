import { examplesFor } from '../../../src/corpus/examples.js';
import { pinnedExamples } from '../../../src/corpus/pinned.js';
import { TECHNIQUE_EXAMPLES } from '../../../src/corpus/techniques.js';
import {
  check,
  MUST_ACCEPT_DEPTH,
  nestingDepth,
  RULES,
  sessionViolations,
} from '../../../src/spec/index.js';

const validatorRules = RULES.filter((r) => !r.kinds.includes('live'));

describe('explicit examples', () => {
  it('label every example with exactly what the oracle says', () => {
    for (const rule of validatorRules) {
      for (const c of examplesFor(rule.id)) {
        const verdict = check(c.kind as 'session', c.value);
        expect(verdict.valid).toBe(c.valid);
        expect(verdict.violations).toEqual(c.violates);
        if (c.valid) expect(rule.polarity).toBe('accept');
        else expect(c.violates).toContain(rule.id);
      }
    }
  });

  it('give every session rule at least one example', () => {
    const missing = validatorRules
      .filter((r) => r.area === 'session')
      .filter((r) => examplesFor(r.id).length === 0)
      .map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('never ask for a value nested deeper than MUST_ACCEPT_DEPTH to be accepted', () => {
    for (const rule of validatorRules.filter((r) => r.polarity === 'accept')) {
      for (const c of examplesFor(rule.id))
        expect(nestingDepth(c.value)).toBeLessThanOrEqual(MUST_ACCEPT_DEPTH);
    }
    const deep = TECHNIQUE_EXAMPLES.filter((e) => nestingDepth(e.value) > 1000);
    expect(deep.length).toBeGreaterThan(0);
  });

  it('run the decoding techniques as examples of the rules they test, with their causes', () => {
    const causes = (id: Parameters<typeof examplesFor>[0]) =>
      examplesFor(id).flatMap((c) => (c.cause === undefined ? [] : [c.cause]));
    expect(causes('session.required.accessJwt').join(' ')).toMatch(/case-insensitively/);
    expect(causes('session.required.accessJwt').join(' ')).toMatch(/snake_case/);
    expect(causes('session.top-level.object').join(' ')).toMatch(/positionally/);
    expect(causes('session.accept.unknown-fields').join(' ')).toMatch(/last one wins/);
    expect(causes('session.field.unicode').join(' ')).toMatch(/lone surrogate/);
    expect(causes('session.accept.did-doc-int64').join(' ')).toMatch(/2\^53/);
    expect(causes('session.field.didDoc.no-float').join(' ')).toMatch(/__proto__/);
  });

  it('keep an own __proto__ key (as JSON.parse does) and label it as the oracle sees it', () => {
    const hidden = TECHNIQUE_EXAMPLES.find(
      (e) => Array.isArray(e.value) === false && Object.keys(e.value as object).length === 1,
    );
    expect(hidden).toBeDefined();
    expect(Object.keys(hidden?.value as object)).toEqual(['__proto__']);
    expect(sessionViolations('session', hidden?.value)).toEqual([
      'session.required.accessJwt',
      'session.required.refreshJwt',
      'session.required.handle',
      'session.required.did',
    ]);
  });
});

describe('pinned examples', () => {
  it('give a session reject rule one generated value per kind, fixed by a seed', () => {
    const email = pinnedExamples('session.field.email.type');
    expect(email.map((e) => e.kind)).toEqual(['session', 'getSession']);
    for (const e of email)
      expect(sessionViolations(e.kind, e.value)).toContain('session.field.email.type');
    expect(pinnedExamples('session.field.email.type')).toEqual(email);
    expect(pinnedExamples('session.required.accessJwt').map((e) => e.kind)).toEqual(['session']);
    expect(pinnedExamples('handle.length.max')).toEqual([]);
  });
});
