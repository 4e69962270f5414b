import fc from 'fast-check';
import {
  CLOCK_SKEW_S,
  clockProblems,
  LIFETIME_S,
  MILLISECONDS_FROM,
} from '../../src/live/checks/clocks.js';

const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (typ: string, claims: Record<string, unknown>): string =>
  `${b64url({ typ, alg: 'HS256' })}.${b64url(claims)}.c2lnbmF0dXJl`;

const NOW = 1_780_000_000;

function session(access: Record<string, unknown>, refresh: Record<string, unknown>) {
  return { accessJwt: jwt('at+jwt', access), refreshJwt: jwt('refresh+jwt', refresh) };
}

describe('token clocks', () => {
  it('the reference PDS tokens (2 h access, 90 days refresh, issued now) have no problem', () => {
    const out = clockProblems(
      session({ iat: NOW, exp: NOW + 7200 }, { iat: NOW, exp: NOW + 7_776_000 }),
      NOW + 0.4,
    );
    expect(out).toEqual({ tokens: 2, dated: 2, numericDate: [], issuedNow: [], lifetime: [] });
  });

  it('any token issued within the skew, with a lifetime within the bounds, passes', () => {
    const claims = (bounds: { min: number; max: number }) =>
      fc
        .record({
          skew: fc.integer({ min: -CLOCK_SKEW_S, max: CLOCK_SKEW_S }),
          life: fc.integer({ min: bounds.min, max: bounds.max }),
        })
        .filter(({ skew, life }) => NOW + skew + life > NOW)
        .map(({ skew, life }) => ({ iat: NOW + skew, exp: NOW + skew + life }));
    fc.assert(
      fc.property(claims(LIFETIME_S.access), claims(LIFETIME_S.refresh), (a, r) => {
        const out = clockProblems(session(a, r), NOW);
        expect([...out.numericDate, ...out.issuedNow, ...out.lifetime]).toEqual([]);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('catches exp in milliseconds, and says so', () => {
    const out = clockProblems(
      session({ iat: NOW, exp: NOW * 1000 + 7_200_000 }, { iat: NOW, exp: NOW + 7200 }),
      NOW,
    );
    expect(out.numericDate).toEqual([`accessJwt exp ${NOW * 1000 + 7_200_000} (milliseconds?)`]);
    expect(out.dated).toBe(1);
    expect(MILLISECONDS_FROM).toBeLessThan(NOW * 1000);
  });

  it('catches strings and negative values, clock skew and implausible lifetimes', () => {
    expect(clockProblems(session({ iat: '1', exp: -5 }, {}), NOW).numericDate).toEqual([
      'accessJwt iat "1"',
      'accessJwt exp -5',
    ]);
    const skewed = clockProblems(session({ iat: NOW - 3 * 3600, exp: NOW - 3600 }, {}), NOW);
    expect(skewed.issuedNow).toEqual([
      'accessJwt iat 1779989200 is -10800 s from the Date header',
      'accessJwt exp 1779996400 is not after the Date header',
    ]);
    const long = clockProblems(session({ iat: NOW, exp: NOW + 400 * 86_400 }, {}), NOW);
    expect(long.lifetime).toEqual(['accessJwt lives 34560000 s (expected 60 to 86400 s)']);
    const short = clockProblems(session({}, { iat: NOW, exp: NOW + 60 }), NOW);
    expect(short.lifetime).toEqual(['refreshJwt lives 60 s (expected 3600 to 31622400 s)']);
  });

  it('without a Date header it judges lifetimes only', () => {
    const out = clockProblems(session({ iat: 5, exp: 10 }, {}), undefined);
    expect(out.issuedNow).toEqual([]);
    expect(out.lifetime).toEqual(['accessJwt lives 5 s (expected 60 to 86400 s)']);
  });
});
