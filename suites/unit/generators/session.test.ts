import fc from 'fast-check';
import { KNOWN_STATUSES } from '../../../generators/_internals/status.js';
import type { JsonObject } from '../../../generators/_internals/types.js';
import { coherenceRules, incoherentSession } from '../../../generators/incoherentSession.js';
import { invalidSession, sessionRejectRules } from '../../../generators/invalidSession.js';
import { type SessionTrait, session } from '../../../generators/session.js';
import {
  coherenceViolations,
  declaredFields,
  decodeJwt,
  isPlainObject,
  type SessionKind,
  sessionViolations,
} from '../../../src/spec/index.js';
import {
  assertPlainJson,
  assertProduceCorrectValues,
  assertSameJson,
  assertThat,
  countWhere,
} from '../../_helpers/arbitraryAssertions.js';

const KINDS: readonly SessionKind[] = ['session', 'getSession'];
const OPTIONAL = ['didDoc', 'email', 'emailConfirmed', 'emailAuthFactor', 'active', 'status'];

const extraKeys = (kind: SessionKind, s: JsonObject): string[] =>
  Object.keys(s).filter((k) => !declaredFields(kind).includes(k));

/** Each trait's class, written from the rule summaries. */
const IN_CLASS: Readonly<Record<SessionTrait, (kind: SessionKind, s: JsonObject) => boolean>> = {
  'unknown-fields': (kind, s) => extraKeys(kind, s).length > 0,
  'open-status': (_, s) => typeof s.status === 'string' && !KNOWN_STATUSES.includes(s.status),
  'email-any-string': (_, s) => typeof s.email === 'string',
  'opaque-tokens': (_, s) =>
    decodeJwt(s.accessJwt) === undefined && decodeJwt(s.refreshJwt) === undefined,
  'did-doc-any-object': (_, s) => isPlainObject(s.didDoc),
  'no-tokens': (_, s) => !('accessJwt' in s) && !('refreshJwt' in s),
};

const TRAIT_KINDS: [SessionTrait, SessionKind][] = [
  ...(['unknown-fields', 'open-status', 'email-any-string', 'did-doc-any-object'] as const).flatMap(
    (t) => KINDS.map((k): [SessionTrait, SessionKind] => [t, k]),
  ),
  ['opaque-tokens', 'session'],
  ['no-tokens', 'getSession'],
];

describe('session()', () => {
  it.each(KINDS)('should only produce valid %s objects, also when shrunk', (kind) => {
    assertProduceCorrectValues(
      session({ kind }),
      (s) => {
        assertSameJson(sessionViolations(kind, s), []);
        assertPlainJson(s);
      },
      { numRuns: 60, maxShrinkSteps: 10 },
    );
  });

  it.each(KINDS)('should keep coherent %s objects coherent, also when shrunk', (kind) => {
    assertProduceCorrectValues(
      session({ kind, coherent: true }),
      (s) => {
        assertSameJson(sessionViolations(kind, s), []);
        assertSameJson(coherenceViolations(s), [], 'coherenceViolations');
        if (kind === 'session') {
          assertThat(decodeJwt(s.accessJwt)?.header.typ === 'at+jwt', 'an access JWT');
          assertThat(decodeJwt(s.refreshJwt)?.header.typ === 'refresh+jwt', 'a refresh JWT');
        }
      },
      { numRuns: 60, maxShrinkSteps: 10 },
    );
  });

  it.each(TRAIT_KINDS)(
    'should keep trait %s (%s) in its class, also when shrunk',
    (trait, kind) => {
      assertProduceCorrectValues(
        session({ kind, trait }),
        (s) => {
          assertSameJson(sessionViolations(kind, s), []);
          assertThat(IN_CLASS[trait](kind, s), `a session of class ${trait}`);
        },
        { numRuns: 25, maxShrinkSteps: 8 },
      );
    },
  );

  it('should refuse traits that do not fit the kind', () => {
    expect(() => session({ kind: 'getSession', trait: 'opaque-tokens' })).toThrow(RangeError);
    expect(() => session({ kind: 'session', trait: 'no-tokens' })).toThrow(RangeError);
  });

  it.each(KINDS)('should vary every optional field of %s within 1,000 samples', (kind) => {
    const values = fc.sample(session({ kind }), { seed: 9, numRuns: 1000 });
    for (const field of OPTIONAL) {
      const present = countWhere(values, (s) => field in s);
      expect([field, present > 0, present < values.length]).toEqual([field, true, true]);
    }
    expect(countWhere(values, (s) => extraKeys(kind, s).length > 0)).toBeGreaterThan(0);
    expect(countWhere(values, (s) => extraKeys(kind, s).length === 0)).toBeGreaterThan(0);
    expect(countWhere(values, (s) => coherenceViolations(s).length > 0)).toBeGreaterThan(0);
    if (kind === 'session') {
      expect(countWhere(values, (s) => decodeJwt(s.accessJwt) !== undefined)).toBeGreaterThan(0);
      expect(countWhere(values, (s) => decodeJwt(s.accessJwt) === undefined)).toBeGreaterThan(0);
    } else {
      // Tokens are unknown fields in getSession, with any JSON value (`accessJwt: 5`).
      expect(countWhere(values, (s) => 'accessJwt' in s)).toBeGreaterThan(0);
      expect(
        countWhere(values, (s) => 'accessJwt' in s && typeof s.accessJwt !== 'string'),
      ).toBeGreaterThan(0);
    }
  });
});

describe('invalidSession()', () => {
  const cases = KINDS.flatMap((kind) =>
    sessionRejectRules(kind).map((rule) => [rule, kind] as const),
  );

  it.each(cases)('should break %s (%s) with exactly its label, also when shrunk', (rule, kind) => {
    assertProduceCorrectValues(
      invalidSession({ kind, rule }),
      (v) => {
        assertSameJson(v.violates, [rule], 'label');
        assertSameJson(sessionViolations(kind, v.value), v.violates, 'sessionViolations');
        assertPlainJson(v.value);
      },
      { numRuns: 15, maxShrinkSteps: 6 },
    );
  });

  it('should not offer token rules for getSession', () => {
    expect(sessionRejectRules('getSession')).not.toContain('session.required.accessJwt');
    expect(() =>
      invalidSession({ kind: 'getSession', rule: 'session.field.accessJwt.type' }),
    ).toThrow(RangeError);
  });

  it.each(KINDS)('should label the %s union exactly', (kind) => {
    assertProduceCorrectValues(
      invalidSession({ kind }),
      (v) => assertSameJson(sessionViolations(kind, v.value), v.violates, 'sessionViolations'),
      { numRuns: 100, maxShrinkSteps: 2 },
    );
  });
});

describe('incoherentSession()', () => {
  const cases = KINDS.flatMap((kind) => coherenceRules(kind).map((rule) => [rule, kind] as const));

  it.each(cases)('should break %s (%s) and nothing else, also when shrunk', (rule, kind) => {
    assertProduceCorrectValues(
      incoherentSession({ kind, rule }),
      (v) => {
        assertSameJson(v.violates, [rule], 'label');
        assertSameJson(coherenceViolations(v.value), v.violates, 'coherenceViolations');
        // Still lexicon-valid: only its coherence is broken.
        assertSameJson(sessionViolations(kind, v.value), [], 'sessionViolations');
        assertPlainJson(v.value);
      },
      { numRuns: 15, maxShrinkSteps: 6 },
    );
  });

  it('should keep token rules to kind session', () => {
    expect(coherenceRules('getSession')).not.toContain('coherence.token.sub-is-did');
    expect(coherenceRules('session')).toContain('coherence.token.sub-is-did');
    expect(() => incoherentSession({ kind: 'getSession', rule: 'coherence.token.scope' })).toThrow(
      RangeError,
    );
  });
});
