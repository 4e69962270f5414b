import fc from 'fast-check';
import {
  carriesCredentials,
  HOSTILE_CREATE_SESSION_REQUESTS,
  HOSTILE_LOGINS,
  type InvalidCreateSessionRequest,
  invalidCreateSessionRequest,
  requestBodyText,
} from '../../generators/xrpc/index.js';

/*
 * The createSession input contract, written here independently of the generator: JSON content
 * type, a JSON object, string identifier and password, optional string authFactorToken and
 * boolean allowTakendown. Undeclared fields are allowed by the lexicon.
 */
function breaksInputContract(req: InvalidCreateSessionRequest): boolean {
  if (req.contentType !== 'application/json') return true;
  let body: unknown;
  try {
    body = JSON.parse(requestBodyText(req));
  } catch {
    return true;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return true;
  const b = body as Record<string, unknown>;
  if (typeof b.identifier !== 'string' || typeof b.password !== 'string') return true;
  if (b.authFactorToken !== undefined && typeof b.authFactorToken !== 'string') return true;
  return b.allowTakendown !== undefined && typeof b.allowTakendown !== 'boolean';
}

// The mutations whose bodies are schema-valid: they are invalid as logins (a random password),
// and test the handler with odd, huge or extra input.
const WRONG_LOGIN = ['huge-string', 'unicode', 'extra-fields'];

describe('invalid createSession requests', () => {
  const arb = invalidCreateSessionRequest();

  it('break the input contract, or are a login with a random password', () => {
    fc.assert(
      fc.property(arb, (req) => {
        if (WRONG_LOGIN.includes(req.mutation)) {
          expect(breaksInputContract(req)).toBe(false);
          expect(carriesCredentials(req)).toBe(true);
        } else {
          expect(breaksInputContract(req)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('carry credentials exactly when a lax server could read a string identifier and password', () => {
    fc.assert(
      fc.property(arb, (req) => {
        const text = requestBodyText(req);
        let fields: unknown;
        try {
          fields = JSON.parse(text);
        } catch {
          fields = Object.fromEntries(new URLSearchParams(text));
        }
        const readable =
          typeof fields === 'object' &&
          fields !== null &&
          !Array.isArray(fields) &&
          typeof (fields as Record<string, unknown>).identifier === 'string' &&
          typeof (fields as Record<string, unknown>).password === 'string';
        expect(carriesCredentials(req)).toBe(readable);
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it('cover every mutation', () => {
    const seen = new Set(fc.sample(arb, { numRuns: 600, seed: 3 }).map((r) => r.mutation));
    expect([...seen].sort()).toEqual(
      [
        'empty-body',
        'extra-fields',
        'form-encoded',
        'huge-string',
        'identifier-type',
        'missing-both',
        'missing-identifier',
        'missing-password',
        'no-content-type',
        'not-an-object',
        'not-json',
        'optional-field-type',
        'password-type',
        'unicode',
        'wrong-content-type',
      ].sort(),
    );
  });
});

describe('the fixed hostile createSession requests', () => {
  const fixed = HOSTILE_CREATE_SESSION_REQUESTS;
  const text = (i: number): string => requestBodyText(fixed[i] as (typeof fixed)[number]);

  it('put the ones without credentials first, so a small login budget keeps them all', () => {
    const credentials = fixed.map((r) => carriesCredentials(r));
    const first = credentials.indexOf(true);
    expect(first).toBeGreaterThan(0);
    expect(credentials.slice(first).every(Boolean)).toBe(true);
    expect(HOSTILE_LOGINS).toBe(fixed.length - first);
  });

  it('cover NUL and control characters in both fields, long strings, wrong types, an empty body, a wrong content type and duplicate keys', () => {
    const bodies = fixed.map((_, i) => text(i));
    const json = fixed.map((r) => (r.payload.kind === 'json' ? r.payload.value : undefined));
    const field = (name: string) =>
      json.map((v) => (v as Record<string, unknown> | undefined)?.[name]);
    expect(field('identifier').some((v) => typeof v === 'string' && v.includes('\u0000'))).toBe(
      true,
    );
    expect(field('password').some((v) => typeof v === 'string' && v.includes('\u0000'))).toBe(true);
    expect(
      field('identifier').some(
        (v) => typeof v === 'string' && [...v].some((ch) => ch > '\u0000' && ch < ' '),
      ),
    ).toBe(true);
    expect(field('identifier').some((v) => typeof v === 'string' && v.length >= 50_000)).toBe(true);
    expect(field('password').some((v) => typeof v === 'string' && v.length >= 50_000)).toBe(true);
    expect(field('identifier').some((v) => v !== undefined && typeof v !== 'string')).toBe(true);
    expect(bodies).toContain('');
    expect(fixed.some((r) => r.contentType !== 'application/json')).toBe(true);
    expect(bodies.some((b) => (b.match(/"identifier"/g) ?? []).length > 1)).toBe(true);
    // Every one is refused by the lexicon's contract, or is a login no account has.
    for (const req of fixed) {
      if (carriesCredentials(req)) expect(requestBodyText(req)).toMatch(/\.invalid/);
      else expect(breaksInputContract(req)).toBe(true);
    }
  });

  it('only use the identifiers they are given besides random ones', () => {
    const mine = invalidCreateSessionRequest({ identifiers: ['known.example.com'] });
    const ids = fc
      .sample(mine, { numRuns: 400, seed: 4 })
      .map((r) => (r.payload.kind === 'json' ? r.payload.value : undefined))
      .map((v) =>
        typeof v === 'object' && v !== null
          ? (v as { identifier?: unknown }).identifier
          : undefined,
      );
    expect(ids).toContain('known.example.com');
  });
});
