import fc from 'fast-check';
import { INACTIVE_STATUSES } from '../../src/spec/coherence.js';
import type { SessionKind } from '../../src/spec/session.js';
import { did as didArb } from './did.js';
import { buildDidDoc, didDocParams } from './didDocParts.js';
import { email as emailArb } from './email.js';
import { handle as handleArb } from './handle.js';
import { jsonKey, jsonObject, jsonValue } from './json.js';
import {
  accessParams,
  accessParts,
  encodeJwt,
  type JwtParts,
  refreshParams,
  refreshParts,
  serviceDid,
} from './jwt.js';
import { opaqueToken } from './opaqueToken.js';
import { status as statusArb } from './status.js';
import { token } from './token.js';
import type { JsonObject } from './types.js';
import { shrinkingChoice } from './union.js';

/*
 * The session objects (lexicons com.atproto.server.createSession / refreshSession / getSession,
 * output schema): kind `session` requires accessJwt, refreshJwt, handle and did; kind
 * `getSession` requires handle and did and declares no token. Every other field is optional and
 * undeclared fields are ignored.
 */

/** @internal Declared fields, in lexicon order. */
export const SESSION_FIELDS = [
  'accessJwt',
  'refreshJwt',
  'handle',
  'did',
  'didDoc',
  'email',
  'emailConfirmed',
  'emailAuthFactor',
  'active',
  'status',
] as const;

/** @internal */
export type SessionField = (typeof SESSION_FIELDS)[number];

const TOKEN_FIELDS: readonly string[] = ['accessJwt', 'refreshJwt'];

/** @internal The fields a kind declares. */
export function declaredFields(kind: SessionKind): readonly SessionField[] {
  return kind === 'session'
    ? SESSION_FIELDS
    : SESSION_FIELDS.filter((f) => !TOKEN_FIELDS.includes(f));
}

/** @internal The fields a kind requires. */
export function requiredFields(kind: SessionKind): readonly SessionField[] {
  return kind === 'session' ? ['accessJwt', 'refreshJwt', 'handle', 'did'] : ['handle', 'did'];
}

/** @internal A class of valid sessions; each matches one `session.accept.*` rule. */
export type SessionTrait =
  | 'unknown-fields'
  | 'open-status'
  | 'email-any-string'
  | 'opaque-tokens'
  | 'did-doc-any-object'
  | 'no-tokens';

/** @internal A session before rendering: tokens may still be JWT parts, so one claim can break. */
export interface SessionDraft {
  readonly did: string;
  readonly handle: string;
  readonly accessJwt: JwtParts | string;
  readonly refreshJwt: JwtParts | string;
  readonly didDoc?: JsonObject;
  readonly email?: string;
  readonly emailConfirmed?: boolean;
  readonly emailAuthFactor?: boolean;
  readonly active?: boolean;
  readonly status?: string;
  readonly extras: JsonObject;
}

/** @internal */
export interface DraftOptions {
  readonly coherent?: boolean;
  readonly trait?: SessionTrait;
}

interface Context {
  readonly did: string;
  readonly handle: string;
}

/** A field that depends on the session's DID and handle, resolved once both are known. */
type Maker<T> = (ctx: Context) => T;

function constantMaker<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<Maker<T>> {
  return arb.map((v) => () => v);
}

function optional<T>(arb: fc.Arbitrary<T>, present: boolean): fc.Arbitrary<T | undefined> {
  return present ? arb : fc.option(arb, { nil: undefined, freq: 2 });
}

/** Extra keys: never a declared field of the session, except tokens in getSession if asked. */
function extras(kind: SessionKind, tokenKeys: boolean, minKeys: number): fc.Arbitrary<JsonObject> {
  const declared: readonly string[] = SESSION_FIELDS;
  const random = jsonKey.map((k) => (declared.includes(k) ? `x-${k}` : k));
  const named = fc.constantFrom('$type', 'createdAt', 'didDocument', 'emailConfirmedAt', 'x');
  const key =
    tokenKeys && kind === 'getSession'
      ? fc.oneof({ arbitrary: random, weight: 3 }, named, fc.constantFrom(...TOKEN_FIELDS))
      : fc.oneof({ arbitrary: random, weight: 3 }, named);
  const dict = fc.dictionary(key, jsonValue, { minKeys, maxKeys: 4, noNullPrototype: true });
  return minKeys > 0 ? dict : fc.oneof({ arbitrary: fc.constant({}), weight: 2 }, dict);
}

/** @internal Drafts of valid sessions of a kind. */
export function sessionDraft(
  kind: SessionKind,
  options: DraftOptions = {},
): fc.Arbitrary<SessionDraft> {
  const { coherent = false, trait } = options;
  const sharedAud = serviceDid;
  const jwtAccess = accessParams(sharedAud).map(
    (p): Maker<JwtParts | string> =>
      (c) =>
        accessParts(c.did, p),
  );
  const jwtRefresh = refreshParams(sharedAud).map(
    (p): Maker<JwtParts | string> =>
      (c) =>
        refreshParts(c.did, p),
  );
  const anyToken = shrinkingChoice(
    { arbitrary: opaqueToken(), weight: 1 },
    { arbitrary: token(), weight: 1 },
  );
  const tokenMaker = (
    jwt: fc.Arbitrary<Maker<JwtParts | string>>,
  ): fc.Arbitrary<Maker<JwtParts | string>> =>
    coherent
      ? jwt
      : trait === 'opaque-tokens'
        ? constantMaker(opaqueToken())
        : shrinkingChoice(
            { arbitrary: constantMaker(anyToken), weight: 1 },
            { arbitrary: jwt, weight: 3 },
          );
  const coherentDoc = didDocParams.map(
    (p): Maker<JsonObject> =>
      (c) =>
        buildDidDoc(c.did, c.handle, p),
  );
  const doc =
    trait === 'did-doc-any-object'
      ? constantMaker(jsonObject())
      : coherent
        ? coherentDoc
        : shrinkingChoice(
            { arbitrary: constantMaker(jsonObject()), weight: 1 },
            { arbitrary: coherentDoc, weight: 2 },
          );
  const tokenKeys = !coherent && trait !== 'no-tokens';

  return fc
    .record(
      {
        did: didArb(),
        handle: handleArb({ lowercase: coherent }),
        accessJwt: tokenMaker(jwtAccess),
        refreshJwt: tokenMaker(jwtRefresh),
        didDoc: optional(doc, trait === 'did-doc-any-object'),
        email: optional(emailArb(), trait === 'email-any-string'),
        emailConfirmed: optional(fc.boolean(), false),
        emailAuthFactor: optional(fc.boolean(), false),
        active: optional(fc.boolean(), false),
        status: optional(
          statusArb({ set: trait === 'open-status' ? 'open' : 'any' }),
          trait === 'open-status',
        ),
        extras: extras(kind, tokenKeys, trait === 'unknown-fields' ? 1 : 0),
      },
      { noNullPrototype: true },
    )
    .map((r): SessionDraft => {
      const ctx = { did: r.did, handle: r.handle };
      // A server does not call an account active while it is taken down, suspended, deactivated or deleted.
      const inactive = r.status !== undefined && INACTIVE_STATUSES.includes(r.status);
      return {
        did: r.did,
        handle: r.handle,
        accessJwt: r.accessJwt(ctx),
        refreshJwt: r.refreshJwt(ctx),
        didDoc: r.didDoc?.(ctx),
        email: r.email,
        emailConfirmed: r.emailConfirmed,
        emailAuthFactor: r.emailAuthFactor,
        active: coherent && inactive && r.active === true ? false : r.active,
        status: r.status,
        extras: r.extras,
      };
    });
}

function tokenString(t: JwtParts | string): string {
  return typeof t === 'string' ? t : encodeJwt(t);
}

/** @internal The JSON object of a draft: declared fields in lexicon order, then extra fields. */
export function renderSession(kind: SessionKind, d: SessionDraft): JsonObject {
  const out: JsonObject = {};
  if (kind === 'session') {
    out.accessJwt = tokenString(d.accessJwt);
    out.refreshJwt = tokenString(d.refreshJwt);
  }
  out.handle = d.handle;
  out.did = d.did;
  if (d.didDoc !== undefined) out.didDoc = d.didDoc;
  if (d.email !== undefined) out.email = d.email;
  if (d.emailConfirmed !== undefined) out.emailConfirmed = d.emailConfirmed;
  if (d.emailAuthFactor !== undefined) out.emailAuthFactor = d.emailAuthFactor;
  if (d.active !== undefined) out.active = d.active;
  if (d.status !== undefined) out.status = d.status;
  const declared: readonly string[] = declaredFields(kind);
  for (const [key, value] of Object.entries(d.extras)) {
    if (!declared.includes(key)) out[key] = value;
  }
  return out;
}
