import fc from 'fast-check';
import {
  CREATE_SESSION_EXAMPLES,
  carriesCredentials,
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

  it('cover every mutation, and the fixed examples carry no credentials', () => {
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
    for (const ex of CREATE_SESSION_EXAMPLES) expect(carriesCredentials(ex)).toBe(false);
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
