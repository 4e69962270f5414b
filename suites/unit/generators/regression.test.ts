import fc from 'fast-check';
import * as generators from '../../../generators/index.js';
import { RULES } from '../../../src/spec/index.js';
import { assertDeterministic, expectPlainJson } from '../../_helpers/arbitraryAssertions.js';

const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';

/** Every public arbitrary, by name. */
const PUBLIC: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  handle: generators.handle(),
  invalidHandle: generators.invalidHandle(),
  did: generators.did(),
  invalidDid: generators.invalidDid(),
  invalidDidPolicy: generators.invalidDidPolicy(),
  status: generators.status(),
  email: generators.email(),
  token: generators.token(),
  opaqueToken: generators.opaqueToken(),
  accessToken: generators.accessToken({ did: DID }),
  refreshToken: generators.refreshToken({ did: DID }),
  didDoc: generators.didDoc({ did: DID, handle: 'alice.test' }),
  session: generators.session({ kind: 'session' }),
  getSession: generators.session({ kind: 'getSession' }),
  coherentSession: generators.session({ kind: 'session', coherent: true }),
  invalidSession: generators.invalidSession({ kind: 'session' }),
  invalidGetSession: generators.invalidSession({ kind: 'getSession' }),
  incoherentSession: generators.incoherentSession(),
  incoherentGetSession: generators.incoherentSession({ kind: 'getSession' }),
};

describe('every generator', () => {
  it.each(Object.keys(PUBLIC))('%s should give the same values for the same seed', (name) => {
    assertDeterministic(PUBLIC[name] as fc.Arbitrary<unknown>);
  });

  it.each(Object.keys(PUBLIC))('%s should yield plain JSON that survives a round trip', (name) => {
    for (const v of fc.sample(PUBLIC[name] as fc.Arbitrary<unknown>, { seed: 1, numRuns: 100 })) {
      expectPlainJson(v);
    }
  });

  it('should yield plain JSON cases for every rule', () => {
    for (const rule of RULES.filter((r) => r.area !== 'http')) {
      for (const c of fc.sample(generators.caseArbitrary(rule.id), { seed: 1, numRuns: 10 })) {
        expectPlainJson(c);
      }
    }
  });

  // Bumping fast-check or changing a generator must not silently change what a seed replays.
  it('should keep the values of seed 42', () => {
    const snapshot = Object.fromEntries(
      Object.entries(PUBLIC).map(([name, arb]) => [name, fc.sample(arb, { seed: 42, numRuns: 3 })]),
    );
    expect(snapshot).toMatchSnapshot();
  });
});
