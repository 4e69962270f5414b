import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { RuleId } from '../spec/rules/index.js';
import type { Exchanged } from './client.js';
import { evidence, type LiveContext, send, step } from './context.js';
import { describeResponse, errorName, is2xx, is4xx } from './evidence.js';
import { judgeCoherence, judgeContentType, judgeDidPolicy, judgeSchema } from './judge.js';

/*
 * The positive flow, with the fewest logins (three): createSession with the real credentials,
 * getSession with each kind of token, refreshSession with each kind of token, deleteSession and a
 * use-after-free refresh, then one wrong-password and one unknown-identifier login.
 */

export const NSID = {
  create: 'com.atproto.server.createSession',
  get: 'com.atproto.server.getSession',
  refresh: 'com.atproto.server.refreshSession',
  delete: 'com.atproto.server.deleteSession',
} as const;

export const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** Not a token any server issued. */
export const GARBAGE_TOKEN = 'not-a-session-token';

interface Session {
  readonly accessJwt: string;
  readonly refreshJwt: string;
  readonly did: unknown;
  readonly handle: unknown;
}

const NEEDS_SESSION: readonly RuleId[] = [
  'http.get-session.status-code-conformance',
  'http.get-session.content-type-conformance',
  'http.get-session.response-schema-conformance',
  'http.get-session.same-account',
  'http.get-session.token-type-separation',
  'http.refresh-session.status-code-conformance',
  'http.refresh-session.content-type-conformance',
  'http.refresh-session.response-schema-conformance',
  'http.refresh-session.rotates-refresh-token',
  'http.refresh-session.token-type-separation',
  'http.refresh-session.use-after-free',
  'http.delete-session.status-code-conformance',
];

const CREATE_RULES: readonly RuleId[] = [
  'http.create-session.status-code-conformance',
  'http.create-session.content-type-conformance',
  'http.create-session.response-schema-conformance',
];

export async function runSessionChecks(ctx: LiveContext): Promise<void> {
  ctx.progress('createSession with the account credentials');
  const session = await step(ctx, [...CREATE_RULES, ...NEEDS_SESSION], () => login(ctx));
  if (session === undefined) {
    for (const id of NEEDS_SESSION) ctx.ledger.skip(id, 'no session: the login did not succeed');
  } else {
    ctx.progress('getSession with the access token, the refresh token, garbage and no token');
    await getSessionChecks(ctx, session);
    ctx.progress('refreshSession with the access token and the refresh token');
    const next = await refreshChecks(ctx, session);
    ctx.progress('deleteSession, then refreshSession with the deleted token');
    await deleteChecks(ctx, next ?? session);
  }
  ctx.progress('createSession with a wrong password and with an unknown identifier');
  await badLoginChecks(ctx);
}

function asSession(body: Record<string, unknown> | undefined): Session | undefined {
  if (body === undefined) return undefined;
  const { accessJwt, refreshJwt, did, handle } = body;
  if (typeof accessJwt !== 'string' || typeof refreshJwt !== 'string') return undefined;
  return { accessJwt, refreshJwt, did, handle };
}

async function login(ctx: LiveContext): Promise<Session | undefined> {
  const ex = await send(ctx, {
    method: 'POST',
    nsid: NSID.create,
    headers: JSON_HEADERS,
    body: JSON.stringify({ identifier: ctx.identifier, password: ctx.password }),
    budgets: [ctx.login],
  });
  const rule = 'http.create-session.status-code-conformance';
  if (ex.response.status !== 200) {
    ctx.ledger.fail(rule, `expected 200, got ${describeResponse(ex)}`, evidence(ctx, ex));
    return undefined;
  }
  ctx.ledger.pass(rule);
  judgeContentType(ctx, 'http.create-session.content-type-conformance', ex);
  const body = judgeSchema(ctx, 'http.create-session.response-schema-conformance', 'session', ex);
  if (body === undefined) return undefined;
  judgeCoherence(ctx, 'createSession', body, ex);
  judgeDidPolicy(ctx, body.did, ex);
  return asSession(body);
}

/** Passes when the response is a 4xx (and, if given, has one of the error names). */
function expect4xx(
  ctx: LiveContext,
  rule: RuleId,
  what: string,
  ex: Exchanged,
  names?: readonly string[],
): void {
  const { status } = ex.response;
  const name = errorName(ex);
  if (!is4xx(status)) {
    ctx.ledger.fail(
      rule,
      `${what}: expected a 4xx, got ${describeResponse(ex)}`,
      evidence(ctx, ex),
    );
  } else if (names !== undefined && (name === undefined || !names.includes(name))) {
    ctx.ledger.fail(
      rule,
      `${what}: expected error ${names.join(' or ')}, got ${describeResponse(ex)}`,
      evidence(ctx, ex),
    );
  } else ctx.ledger.pass(rule);
}

async function getSessionChecks(ctx: LiveContext, session: Session): Promise<void> {
  await step(
    ctx,
    [
      'http.get-session.status-code-conformance',
      'http.get-session.content-type-conformance',
      'http.get-session.response-schema-conformance',
      'http.get-session.same-account',
    ],
    async () => {
      const ex = await send(ctx, { method: 'GET', nsid: NSID.get, bearer: session.accessJwt });
      const rule = 'http.get-session.status-code-conformance';
      if (ex.response.status !== 200) {
        ctx.ledger.fail(
          rule,
          `with the access token: expected 200, got ${describeResponse(ex)}`,
          evidence(ctx, ex),
        );
        for (const id of [
          'http.get-session.content-type-conformance',
          'http.get-session.response-schema-conformance',
          'http.get-session.same-account',
        ] as const) {
          ctx.ledger.skip(id, 'getSession with the access token did not succeed');
        }
        return;
      }
      ctx.ledger.pass(rule);
      judgeContentType(ctx, 'http.get-session.content-type-conformance', ex);
      const body = judgeSchema(
        ctx,
        'http.get-session.response-schema-conformance',
        'getSession',
        ex,
      );
      if (body === undefined) {
        ctx.ledger.skip('http.get-session.same-account', 'the getSession body is not an object');
        return;
      }
      judgeCoherence(ctx, 'getSession', body, ex);
      if (body.did === session.did && body.handle === session.handle) {
        ctx.ledger.pass('http.get-session.same-account');
      } else {
        ctx.ledger.fail(
          'http.get-session.same-account',
          `createSession named ${JSON.stringify([session.did, session.handle])}, getSession ${JSON.stringify([body.did, body.handle])}`,
          evidence(ctx, ex),
        );
      }
    },
  );
  await step(ctx, ['http.get-session.token-type-separation'], async () => {
    const ex = await send(ctx, { method: 'GET', nsid: NSID.get, bearer: session.refreshJwt });
    expect4xx(ctx, 'http.get-session.token-type-separation', 'with the refresh token', ex);
  });
  await step(ctx, ['http.get-session.ignored-auth'], async () => {
    const ex = await send(ctx, { method: 'GET', nsid: NSID.get, bearer: GARBAGE_TOKEN });
    expect4xx(ctx, 'http.get-session.ignored-auth', 'with a garbage token', ex);
  });
  await step(ctx, ['http.get-session.missing-auth', 'http.get-session.ignored-auth'], async () => {
    const ex = await send(ctx, { method: 'GET', nsid: NSID.get });
    expect4xx(ctx, 'http.get-session.ignored-auth', 'without a token', ex);
    if (ex.response.status === 401) ctx.ledger.pass('http.get-session.missing-auth');
    else {
      ctx.ledger.fail(
        'http.get-session.missing-auth',
        `without an Authorization header: expected 401, got ${describeResponse(ex)}`,
        evidence(ctx, ex),
      );
    }
  });
}

/** Returns the rotated session, when refreshSession gave one. */
async function refreshChecks(ctx: LiveContext, session: Session): Promise<Session | undefined> {
  await step(ctx, ['http.refresh-session.token-type-separation'], async () => {
    const ex = await send(ctx, { method: 'POST', nsid: NSID.refresh, bearer: session.accessJwt });
    expect4xx(ctx, 'http.refresh-session.token-type-separation', 'with the access token', ex, [
      'InvalidToken',
    ]);
  });
  const rules: RuleId[] = [
    'http.refresh-session.status-code-conformance',
    'http.refresh-session.content-type-conformance',
    'http.refresh-session.response-schema-conformance',
    'http.refresh-session.rotates-refresh-token',
  ];
  return step(ctx, rules, async () => {
    const ex = await send(ctx, { method: 'POST', nsid: NSID.refresh, bearer: session.refreshJwt });
    if (ex.response.status !== 200) {
      ctx.ledger.fail(
        'http.refresh-session.status-code-conformance',
        `with the refresh token: expected 200, got ${describeResponse(ex)}`,
        evidence(ctx, ex),
      );
      for (const id of rules.slice(1)) ctx.ledger.skip(id, 'refreshSession did not succeed');
      return undefined;
    }
    ctx.ledger.pass('http.refresh-session.status-code-conformance');
    judgeContentType(ctx, 'http.refresh-session.content-type-conformance', ex);
    const body = judgeSchema(
      ctx,
      'http.refresh-session.response-schema-conformance',
      'session',
      ex,
    );
    const next = asSession(body);
    if (body !== undefined) judgeCoherence(ctx, 'refreshSession', body, ex);
    if (next === undefined) {
      ctx.ledger.skip(
        'http.refresh-session.rotates-refresh-token',
        'refreshSession returned no refresh token',
      );
    } else if (next.refreshJwt === session.refreshJwt) {
      ctx.ledger.fail(
        'http.refresh-session.rotates-refresh-token',
        'refreshSession returned the refresh token it was given',
        evidence(ctx, ex),
      );
    } else ctx.ledger.pass('http.refresh-session.rotates-refresh-token');
    return next;
  });
}

async function deleteChecks(ctx: LiveContext, session: Session): Promise<void> {
  const deleted = await step(
    ctx,
    ['http.delete-session.status-code-conformance', 'http.refresh-session.use-after-free'],
    async () => {
      const ex = await send(ctx, { method: 'POST', nsid: NSID.delete, bearer: session.refreshJwt });
      if (is2xx(ex.response.status)) {
        ctx.client.sessions.delete(session.refreshJwt);
        ctx.ledger.pass('http.delete-session.status-code-conformance');
        return true;
      }
      ctx.ledger.fail(
        'http.delete-session.status-code-conformance',
        `with the refresh token: expected 2xx, got ${describeResponse(ex)}`,
        evidence(ctx, ex),
      );
      ctx.ledger.skip('http.refresh-session.use-after-free', 'deleteSession did not succeed');
      return false;
    },
  );
  if (deleted !== true) return;
  await step(ctx, ['http.refresh-session.use-after-free'], async () => {
    const ex = await send(ctx, { method: 'POST', nsid: NSID.refresh, bearer: session.refreshJwt });
    expect4xx(ctx, 'http.refresh-session.use-after-free', 'with a deleted refresh token', ex, [
      'ExpiredToken',
      'InvalidToken',
    ]);
  });
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** An identifier of the same shape as the real one that no account has. */
export function unknownIdentifier(identifier: string): string {
  const name = `nobody-${randomHex(6)}`;
  const at = identifier.lastIndexOf('@');
  if (at !== -1) return `${name}@${identifier.slice(at + 1)}`;
  if (identifier.startsWith('did:')) {
    const base32 = 'abcdefghijklmnopqrstuvwxyz234567';
    const id = [...randomBytes(24)].map((b) => base32[b % 32]).join('');
    return `did:plc:${id}`;
  }
  const dot = identifier.indexOf('.');
  return dot === -1 ? `${name}.invalid` : `${name}${identifier.slice(dot)}`;
}

/** A password that is certainly not the real one. */
export function wrongPassword(real: string): string {
  for (;;) {
    const candidate = `wrong-${randomBytes(12).toString('base64url')}`;
    if (candidate !== real) return candidate;
  }
}

async function badLoginChecks(ctx: LiveContext): Promise<void> {
  const rule = 'http.create-session.invalid-credentials-rejected';
  const attempt = async (identifier: string, what: string): Promise<Exchanged> => {
    const ex = await send(ctx, {
      method: 'POST',
      nsid: NSID.create,
      headers: JSON_HEADERS,
      body: JSON.stringify({ identifier, password: wrongPassword(ctx.password) }),
      budgets: [ctx.login],
    });
    if (ex.response.status === 401) ctx.ledger.pass(rule);
    else {
      ctx.ledger.fail(
        rule,
        `${what}: expected 401, got ${describeResponse(ex)}`,
        evidence(ctx, ex),
      );
    }
    return ex;
  };
  const enumeration = 'http.create-session.no-account-enumeration';
  const wrong = await step(ctx, [rule, enumeration], () =>
    attempt(ctx.identifier, 'wrong password'),
  );
  if (wrong === undefined) return;
  const unknown = await step(ctx, [rule, enumeration], () =>
    attempt(unknownIdentifier(ctx.identifier), 'unknown identifier'),
  );
  if (unknown === undefined) return;
  const same =
    wrong.response.status === unknown.response.status &&
    (wrong.response.json !== undefined
      ? isDeepStrictEqual(wrong.response.json, unknown.response.json)
      : wrong.response.text === unknown.response.text);
  if (same) ctx.ledger.pass(enumeration);
  else {
    const show = (ex: Exchanged): string =>
      `${ex.response.status} ${ex.response.json !== undefined ? JSON.stringify(ex.response.json) : JSON.stringify(ex.response.text.slice(0, 200))}`;
    ctx.ledger.fail(
      enumeration,
      `a wrong password got ${show(wrong)}, an unknown identifier got ${show(unknown)}`,
      evidence(ctx, unknown),
    );
  }
}
