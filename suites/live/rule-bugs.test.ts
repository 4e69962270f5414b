import { NEGATIVE_RULE } from '../../src/live/negative.js';
import { FLOW } from '../../src/live/steps.js';
import { HTTP_RULES, type HttpRuleId, rulesForKind } from '../../src/spec/rules/index.js';
import type { Break } from '../fixtures/broken-pds/server.js';
import { failedRules, runBroken } from './_broken.js';

/*
 * Every HTTP rule of live mode, with a server bug it must catch. The table is keyed by rule ID
 * and exhaustive, so a new rule does not type-check until it has a seeded bug here; the test
 * then shows the rule fails against that bug (the reference PDS passing all of them is in
 * local-pds.test.ts and rate-limited.test.ts).
 */

const CAUGHT: Readonly<Record<HttpRuleId, Break>> = {
  'http.create-session.status-code-conformance': 'login-201',
  'http.create-session.content-type-conformance': 'session-text-plain',
  'http.create-session.response-schema-conformance': 'status-number',
  'http.create-session.invalid-credentials-rejected': 'wrong-login-400',
  'http.create-session.no-account-enumeration': 'enumeration',
  'http.create-session.negative-data-rejection': 'server-error-on-nul-identifier',
  'http.create-session.unsupported-method': 'procedure-on-get',
  'http.get-session.status-code-conformance': 'success-201',
  'http.get-session.content-type-conformance': 'session-text-plain',
  'http.get-session.response-schema-conformance': 'schema-everywhere',
  'http.get-session.same-account': 'get-session-other-email',
  'http.get-session.missing-auth': 'missing-auth-400',
  'http.get-session.ignored-auth': 'any-bearer-accepted',
  'http.get-session.token-type-separation': 'token-type-confusion',
  'http.refresh-session.status-code-conformance': 'success-201',
  'http.refresh-session.content-type-conformance': 'session-text-plain',
  'http.refresh-session.response-schema-conformance': 'schema-everywhere',
  'http.refresh-session.rotates-refresh-token': 'same-refresh-token',
  'http.refresh-session.token-type-separation': 'token-type-confusion',
  'http.refresh-session.use-after-free': 'refresh-after-delete',
  'http.delete-session.status-code-conformance': 'delete-refused',
  'http.xrpc.not-a-server-error': 'server-error-on-bad-bearer',
  'http.xrpc.error-body-conformance': 'non-json-error',
  'http.refresh-session.same-account': 'refresh-other-account',
  'http.refresh-session.get-session-same-account': 'refresh-other-account',
  'http.session.token-sub-is-account': 'refresh-other-account',
  'http.refresh-session.ignored-auth': 'any-bearer-accepted',
  'http.delete-session.ignored-auth': 'any-bearer-accepted',
  'http.delete-session.token-type-separation': 'token-type-confusion',
  'http.session.token-numeric-date': 'exp-milliseconds',
  'http.session.token-issued-now': 'iat-hours-off',
  'http.session.token-lifetime': 'long-lived-access',
};

/** The failing rules per bug, each bug run once. */
const failing = new Map<Break, Set<string>>();

beforeAll(async () => {
  for (const brk of new Set(Object.values(CAUGHT))) {
    const { target } = await runBroken([brk], { seed: 1, negativeBudget: 16 });
    failing.set(brk, new Set(failedRules(target)));
  }
});

describe('each HTTP rule of live mode catches its seeded server bug', () => {
  it.each(Object.entries(CAUGHT))('%s fails against a server with %s', (rule, brk) => {
    expect(failing.get(brk as Break)?.has(rule)).toBe(true);
  });
});

describe('the step table', () => {
  // Judged on every exchange, or by the invalid-request property, not by one step.
  const GLOBAL = [
    'http.xrpc.not-a-server-error',
    'http.xrpc.error-body-conformance',
    NEGATIVE_RULE,
  ];

  it('judges every live rule of the catalogue, each step naming the rules it decides', () => {
    const judged = new Set([...FLOW.flatMap((s) => s.judge.rules), ...GLOBAL]);
    expect([...judged].sort()).toEqual(
      rulesForKind('live')
        .map((r) => r.id)
        .sort(),
    );
    expect(HTTP_RULES.length).toBe(Object.keys(CAUGHT).length);
  });

  it('has one step per name, and every step that needs a session names what it needs', () => {
    const names = FLOW.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of FLOW) {
      if (s.bearer !== undefined && 'of' in s.bearer && s.bearer.form === undefined) {
        expect([s.name, s.needs]).not.toEqual([s.name, undefined]);
      }
    }
  });
});
