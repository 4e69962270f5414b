import fc from 'fast-check';

/*
 * Invalid com.atproto.server.createSession requests, for negative testing of a live server.
 * The input is `application/json` with `required: ["identifier", "password"]` (both strings) and
 * optional `authFactorToken` (string) and `allowTakendown` (boolean). Each request breaks that
 * contract in one labelled way. A request that does carry a string identifier and password
 * always carries a random (so wrong) password and a random identifier: the generator never
 * knows a real password, so no request it makes can log in.
 */

/** How the request breaks the createSession input contract. */
export type CreateSessionMutation =
  | 'missing-identifier'
  | 'missing-password'
  | 'missing-both'
  | 'identifier-type'
  | 'password-type'
  | 'optional-field-type'
  | 'not-an-object'
  | 'huge-string'
  | 'unicode'
  | 'extra-fields'
  | 'not-json'
  | 'empty-body'
  | 'wrong-content-type'
  | 'no-content-type'
  | 'form-encoded'
  /** Fixed requests only (hostile.ts): NUL and other controls in the identifier or password. */
  | 'control-characters'
  /** Fixed requests only: the same key twice, and in other letter cases. */
  | 'duplicate-keys';

/** The body as sent: a JSON value (serialized with JSON.stringify) or raw text. */
export type RequestPayload =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string };

export interface InvalidCreateSessionRequest {
  readonly mutation: CreateSessionMutation;
  /** The Content-Type header; null sends none. */
  readonly contentType: string | null;
  readonly payload: RequestPayload;
}

export const JSON_CONTENT_TYPE = 'application/json';

/** Above the reference PDS's 150 KB JSON limit, but not by much. */
export const HUGE_STRING_MAX = 200_000;

export interface InvalidCreateSessionConstraints {
  /** Identifiers to use besides random ones. Leave out real accounts' identifiers on live servers. */
  readonly identifiers?: readonly string[];
}

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Strings with control characters, lone surrogates and other Unicode, not only ASCII. */
function oddString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
    fc.string({ unit: controlChar, minLength: 1, maxLength: 6 }),
    fc
      .tuple(fc.string({ maxLength: 6 }), loneSurrogate, fc.string({ maxLength: 6 }))
      .map(([a, s, b]) => `${a}${s}${b}`),
    fc.constantFrom('\u202Ealice.test', 'alice.test\u0000', 'ali\u200Bce.test', 'ａｌｉｃｅ.test'),
  );
}

/** A random identifier of each shape a server accepts: handle, DID, email, or junk. */
function randomIdentifier(extra: readonly string[]): fc.Arbitrary<string> {
  const label = fc.stringMatching(/^[a-z][a-z0-9]{2,11}$/);
  const arbs: fc.Arbitrary<string>[] = [
    label.map((l) => `${l}.invalid`),
    fc.stringMatching(/^[a-z2-7]{24}$/).map((id) => `did:plc:${id}`),
    label.map((l) => `${l}@example.invalid`),
    fc.string({ maxLength: 16 }),
  ];
  if (extra.length > 0) arbs.push(fc.constantFrom(...extra));
  return fc.oneof(...arbs);
}

/** A password no account has: random, and never derived from a real one. */
function wrongPassword(): fc.Arbitrary<string> {
  return fc.oneof(fc.string({ maxLength: 24 }), oddString());
}

/** JSON values that are not strings. Floats stay finite: JSON has no NaN or Infinity. */
function nonString(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
  );
}

/** A long string built by repetition, so generating and shrinking stay cheap. */
function hugeString(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }),
      fc.integer({ min: 5_000, max: HUGE_STRING_MAX / 2 }),
    )
    .map(([unit, n]) => unit.repeat(n).slice(0, HUGE_STRING_MAX));
}

const DECLARED = ['identifier', 'password', 'authFactorToken', 'allowTakendown'];

function json(
  mutation: CreateSessionMutation,
  value: fc.Arbitrary<unknown>,
): fc.Arbitrary<InvalidCreateSessionRequest> {
  return value.map((v) => ({
    mutation,
    contentType: JSON_CONTENT_TYPE,
    payload: { kind: 'json', value: v },
  }));
}

/** Invalid createSession requests, one mutation each. */
export function invalidCreateSessionRequest(
  constraints: InvalidCreateSessionConstraints = {},
): fc.Arbitrary<InvalidCreateSessionRequest> {
  const identifier = randomIdentifier(constraints.identifiers ?? []);
  const password = wrongPassword();
  const credentials = fc.record({ identifier, password });
  const extraKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !DECLARED.includes(k));
  return fc.oneof(
    json('missing-identifier', fc.record({ password })),
    json('missing-password', fc.record({ identifier })),
    json('missing-both', fc.constant({})),
    json('identifier-type', fc.record({ identifier: nonString(), password })),
    json('password-type', fc.record({ identifier, password: nonString() })),
    json(
      'optional-field-type',
      fc.oneof(
        fc.record({ identifier, password, allowTakendown: fc.oneof(fc.string(), fc.integer()) }),
        fc.record({ identifier, password, authFactorToken: nonString() }),
      ),
    ),
    json(
      'not-an-object',
      fc.oneof(
        fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
        fc.string({ maxLength: 12 }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
      ),
    ),
    json(
      'huge-string',
      fc.oneof(
        fc.record({ identifier: hugeString(), password }),
        fc.record({ identifier, password: hugeString() }),
      ),
    ),
    json('unicode', fc.record({ identifier: oddString(), password })),
    json(
      'extra-fields',
      fc
        .tuple(
          credentials,
          fc.dictionary(extraKey, fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 }),
        )
        .map(([creds, extra]) => ({ ...extra, ...creds })),
    ),
    fc
      .oneof(
        fc.constantFrom('{"identifier":', "{identifier: 'a'}", 'null null', '{"password":"a"', '['),
        fc.string({ minLength: 1, maxLength: 24 }).filter((s) => !parsesAsJson(s)),
      )
      .map((text) => ({
        mutation: 'not-json' as const,
        contentType: JSON_CONTENT_TYPE,
        payload: { kind: 'text' as const, text },
      })),
    fc.constant<InvalidCreateSessionRequest>({
      mutation: 'empty-body',
      contentType: JSON_CONTENT_TYPE,
      payload: { kind: 'text', text: '' },
    }),
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'application/octet-stream',
          'multipart/form-data; boundary=x',
        ),
        credentials,
      )
      .map(([contentType, value]) => ({
        mutation: 'wrong-content-type' as const,
        contentType,
        payload: { kind: 'json' as const, value },
      })),
    credentials.map((value) => ({
      mutation: 'no-content-type' as const,
      contentType: null,
      payload: { kind: 'json' as const, value },
    })),
    credentials.map((value) => ({
      mutation: 'form-encoded' as const,
      contentType: 'application/x-www-form-urlencoded',
      payload: { kind: 'text' as const, text: new URLSearchParams(value).toString() },
    })),
  );
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The exact bytes-to-be of the request body. */
export function requestBodyText(req: InvalidCreateSessionRequest): string {
  return req.payload.kind === 'json' ? JSON.stringify(req.payload.value) : req.payload.text;
}

/**
 * True when a lax server could read a string identifier and a string password out of the request
 * (in any encoding), so it may reach the login handler and count against login rate limits.
 */
export function carriesCredentials(req: InvalidCreateSessionRequest): boolean {
  let fields: unknown;
  if (req.payload.kind === 'json') fields = req.payload.value;
  else if (req.mutation === 'form-encoded') {
    fields = Object.fromEntries(new URLSearchParams(req.payload.text));
  } else {
    try {
      fields = JSON.parse(req.payload.text);
    } catch {
      return false;
    }
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return false;
  const { identifier, password } = fields as Record<string, unknown>;
  return typeof identifier === 'string' && typeof password === 'string';
}
