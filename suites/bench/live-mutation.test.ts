import fc from 'fast-check';
import {
  certifyLive,
  disagreement,
  type LiveMutantRun,
  liveArea,
  liveViolations,
  referenceViolations,
  summarizeLive,
} from '../../bench/mutation/live-certify.js';
import { LIVE_BUGS, liveCoherence, livePolicy } from '../../bench/mutation/live-checks.js';
import { LIVE_MUTANTS, type LiveMutant } from '../../bench/mutation/live-mutants.js';
import { buildReport, renderMarkdown } from '../../bench/mutation/report.js';
import { caseArbitrary, DID_TRAITS, did, invalidDid, session } from '../../generators/index.js';
import { coherenceViolations } from '../../src/spec/coherence.js';
import { didPolicyViolations } from '../../src/spec/did.js';
import { COHERENCE_RULES, DID_POLICY_RULES } from '../../src/spec/rules/index.js';

// Every seeded bug in the live checks must be caught at default settings (one seed), with a
// witness on which the mutant and the reference really disagree; and the copy with no bug must be
// the reference again, so that each mutant carries exactly its one bug.

const SEED = 20_240;
const LIVE_RULES = [...COHERENCE_RULES, ...DID_POLICY_RULES].map((r) => r.id);
let found: Map<string, LiveMutantRun>;

beforeAll(() => {
  found = certifyLive(LIVE_MUTANTS, { seed: SEED });
});

describe('the live-check mutants', () => {
  test.each(LIVE_MUTANTS.map((m): [string, LiveMutant] => [m.id, m]))(
    '%s is caught',
    (_id, mutant) => {
      const run = found.get(mutant.id) as LiveMutantRun;
      expect(run.casesToFailure).toBeGreaterThanOrEqual(1);
      expect(run.rules).toContain(mutant.rule);
      expect(disagreement(mutant, run.witness)).not.toEqual([]);
    },
  );

  test('every live rule has a lax mutant, and every bug switch one mutant', () => {
    const laxRules = new Set(LIVE_MUTANTS.filter((m) => m.kind === 'lax').map((m) => m.rule));
    expect(LIVE_RULES.filter((r) => !laxRules.has(r))).toEqual([]);
    expect(LIVE_MUTANTS.map((m) => m.bug).sort()).toEqual([...LIVE_BUGS].sort());
    expect(new Set(LIVE_MUTANTS.map((m) => m.id)).size).toBe(LIVE_MUTANTS.length);
  });

  test('a value the mutant judges as the reference does is no witness', () => {
    const mutant = LIVE_MUTANTS.find((m) => m.id === 'web-port-any-host') as LiveMutant;
    expect(disagreement(mutant, 'did:web:example.com%3A8080')).toEqual([
      'did.web.port-localhost-only',
    ]);
    expect(disagreement(mutant, 'did:web:localhost%3A2583')).toEqual([]);
    expect(disagreement(mutant, 'did:web:example.com')).toEqual([]);
    expect(disagreement(mutant, 42)).toEqual([]);
  });

  test('the report counts live mutants and shows their table', () => {
    const [first, second] = LIVE_MUTANTS as [LiveMutant, LiveMutant];
    const caught = summarizeLive(first, [found.get(first.id) as LiveMutantRun]);
    const escaped = summarizeLive(second, [{ seed: 1, rules: [] }]);
    const meta = { startedAt: 'start', finishedAt: 'end', seeds: [1], runs: 200 };
    const report = buildReport([], meta, [caught, escaped]);
    expect(report.summary.live).toMatchObject({ mutants: 2, caught: 1 });
    expect(report.liveMutants?.map((m) => m.caught)).toEqual([true, false]);
    const md = renderMarkdown(report);
    expect(md).toContain('Live checks (coherence and DID method policy');
    expect(md).toContain('## Live checks');
    expect(md).toContain(`| \`${second.id}\``);
    expect(md).toContain('**NO** (0/1)');
  });

  test('lax mutants raise no alarm the reference does not, on coherent sessions and valid DIDs', () => {
    const lax = LIVE_MUTANTS.filter((m) => m.kind === 'lax');
    const values = fc.oneof(session({ kind: 'session', coherent: true }), did());
    fc.assert(
      fc.property(values, (value) =>
        lax.every((m) => {
          const area = liveArea(m.rule);
          const real = referenceViolations(area, value);
          return liveViolations(area, value, m.bug).every((r) => real.includes(r));
        }),
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

/** Compact JWT look-alikes: any JSON as header and claims, claims near the expected ones. */
const jwtLike: fc.Arbitrary<string> = (() => {
  const claim = fc.oneof(
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom('did:plc:aaaaaaaaaaaaaaaaaaaaaaaa', 'did:web:', 'at+jwt', '12', 'DID:web:a'),
  );
  const header = fc.oneof(
    fc.record({ typ: fc.oneof(claim, fc.constantFrom('at+jwt', 'refresh+jwt')) }),
    fc.jsonValue({ maxDepth: 1 }),
  );
  const claims = fc.oneof(
    fc.record(
      { sub: claim, aud: claim, iat: claim, exp: claim, scope: claim },
      { requiredKeys: [] },
    ),
    fc.jsonValue({ maxDepth: 1 }),
  );
  const encode = (v: unknown): string =>
    Buffer.from(JSON.stringify(v) ?? '', 'utf8').toString('base64url');
  // A stray last character makes a segment of length 4n+1, which is never base64.
  return fc
    .tuple(
      header,
      claims,
      fc.string({ maxLength: 6 }),
      fc.integer({ min: 1, max: 4 }),
      fc.boolean(),
    )
    .map(([h, c, sig, n, stray]) =>
      [`${encode(h)}${stray ? 'A' : ''}`, encode(c), sig, 'x'].slice(0, n).join('.'),
    );
})();

const looseSession = fc.record(
  {
    accessJwt: fc.oneof(jwtLike, fc.jsonValue({ maxDepth: 1 })),
    refreshJwt: fc.oneof(jwtLike, fc.string()),
    handle: fc.oneof(fc.constantFrom('handle.invalid', 'a.test', 'A.Test'), fc.jsonValue()),
    did: fc.constantFrom('did:plc:aaaaaaaaaaaaaaaaaaaaaaaa', 'did:web:a.test', 5),
    didDoc: fc.oneof(
      fc.record(
        {
          id: fc.constantFrom('did:plc:aaaaaaaaaaaaaaaaaaaaaaaa', 'DID:web:a.test', 1),
          alsoKnownAs: fc.oneof(
            fc.array(
              fc.constantFrom('at://a.test', 'AT://A.TEST', 'a.test', 'at://handle.invalid'),
            ),
            fc.jsonValue({ maxDepth: 1 }),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    status: fc.oneof(fc.constantFrom('deleted', 'takendown', 'throttled', ''), fc.jsonValue()),
    active: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 0 })),
  },
  { requiredKeys: [] },
);

describe('the live checks with no bug', () => {
  const agrees = (value: unknown): boolean => {
    const coherent =
      JSON.stringify(liveCoherence(value)) === JSON.stringify(coherenceViolations(value));
    const d = typeof value === 'string' ? value : (value as { did?: unknown } | null)?.did;
    const policy =
      typeof d !== 'string' ||
      JSON.stringify(livePolicy(d)) === JSON.stringify(didPolicyViolations(d));
    return coherent && policy;
  };

  test.each(LIVE_RULES)('agree with the reference on the cases of %s', (rule) => {
    fc.assert(
      fc.property(caseArbitrary(rule), (c) => agrees(c.value)),
      { seed: SEED, numRuns: 200 },
    );
  });

  test('agree with the reference on valid sessions, valid and invalid DIDs and loose values', () => {
    const values = fc.oneof(
      session({ kind: 'session', coherent: true }),
      session({ kind: 'getSession', coherent: true }),
      session({ kind: 'session' }),
      session({ kind: 'session', trait: 'opaque-tokens' }),
      ...DID_TRAITS.map((trait) => did({ trait })),
      invalidDid().map((l) => l.value),
      looseSession,
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(fc.property(values, agrees), { seed: SEED, numRuns: 3000 });
  });

  test('see the violations each rule describes', () => {
    expect(livePolicy('did:plc:abc')).toEqual(['did.plc.identifier-format']);
    expect(livePolicy('did:web:example.com:u:alice')).toEqual(['did.web.hostname-only']);
    expect(liveCoherence({ handle: 'Alice.test', did: 'did:plc:x' })).toEqual([
      'coherence.handle.lowercase',
    ]);
    expect(liveCoherence({ handle: 'a.test', status: 'deleted', active: true })).toEqual([
      'coherence.status.inactive',
    ]);
  });
});
