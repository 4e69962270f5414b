import { spellPublicToken } from './curl.js';
import { ACCESS_PLACEHOLDER, REFRESH_PLACEHOLDER, type Redactor } from './redact.js';

/*
 * The bearer a step sends, as data: a token of one of the run's sessions (as issued, truncated,
 * or with its signature cut off), a fixed bad token, or none. The same description gives the
 * real header in a run and the shell expression shown by `--dry-run` and in curl commands
 * (`${ACCESS_JWT%.*}.` is the access token without its signature), so the two cannot drift.
 */

export type TokenType = 'access' | 'refresh';

/** `login`: from createSession; `rotated`: from refreshSession; `latest`: rotated, else login. */
export type SessionRef = 'login' | 'rotated' | 'latest' | 'deleted';

export type Bearer =
  | {
      readonly token: TokenType;
      readonly of: SessionRef;
      readonly form?: 'truncated' | 'unsigned';
    }
  | { readonly fixed: 'malformed' | 'expired-access' | 'expired-refresh' }
  | { readonly none: true };

/** Not a token any server issued. */
export const GARBAGE_TOKEN = 'not-a-session-token';

/** Characters cut off the end of a truncated token (all inside the signature). */
const TRUNCATE = 8;

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A well-formed token that expired in 2001, signed with a key no server has. */
function expiredToken(typ: string, scope: string, extra: Record<string, unknown>): string {
  const claims = {
    scope,
    sub: 'did:plc:aaaaaaaaaaaaaaaaaaaaaaaa',
    aud: 'did:web:expired.invalid',
    iat: 1_000_000_000,
    exp: 1_000_007_200,
    ...extra,
  };
  const signature = Buffer.from('not the signature of any server!').toString('base64url');
  return `${b64url({ typ, alg: 'HS256' })}.${b64url(claims)}.${signature}`;
}

export const FIXED_BEARERS = {
  malformed: GARBAGE_TOKEN,
  'expired-access': expiredToken('at+jwt', 'com.atproto.access', {}),
  'expired-refresh': expiredToken('refresh+jwt', 'com.atproto.refresh', {
    jti: 'expired-looking-token-id-0000000000000000000',
  }),
} as const;

function variableOf(type: TokenType): string {
  return (type === 'access' ? ACCESS_PLACEHOLDER : REFRESH_PLACEHOLDER).slice(1);
}

/** The token as the form sends it, and the shell expression that names that form. */
function derive(token: string, form: 'truncated' | 'unsigned'): string {
  if (form === 'truncated') return token.slice(0, -TRUNCATE);
  const dot = token.lastIndexOf('.');
  return dot === -1 ? token.slice(0, -TRUNCATE) : token.slice(0, dot + 1);
}

/** The expression a shell expands to the derived form (without the `$`). */
function expression(type: TokenType, form: 'truncated' | 'unsigned'): string {
  const name = variableOf(type);
  return form === 'truncated' ? `{${name}%${'?'.repeat(TRUNCATE)}}` : `{${name}%.*}`;
}

/**
 * The Authorization value a step sends, given the session tokens it can use. A derived form is
 * registered with the redactor, so it shows as its shell expression everywhere.
 */
export function bearerValue(
  bearer: Bearer,
  tokens: (type: TokenType, of: SessionRef) => string | undefined,
  redactor: Redactor,
): string | undefined {
  if ('none' in bearer) return undefined;
  if ('fixed' in bearer) {
    const fixed = FIXED_BEARERS[bearer.fixed];
    if (fixed.includes('.')) redactor.addPublicToken(fixed);
    return fixed;
  }
  const token = tokens(bearer.token, bearer.of);
  if (token === undefined || bearer.form === undefined) return token;
  const value = derive(token, bearer.form);
  // An unsigned token keeps its trailing dot as a literal.
  const secret = bearer.form === 'unsigned' && value.endsWith('.') ? value.slice(0, -1) : value;
  redactor.addDerived(secret, expression(bearer.token, bearer.form));
  return value;
}

/**
 * What `--dry-run` shows for the bearer: a placeholder, a fixed token (spelled as its curl
 * command does, so that masking leaves it readable), or nothing.
 */
export function plannedBearer(bearer: Bearer): string | undefined {
  if ('none' in bearer) return undefined;
  if ('fixed' in bearer) {
    const fixed = FIXED_BEARERS[bearer.fixed];
    return fixed.includes('.') ? spellPublicToken(fixed) : fixed;
  }
  const name = variableOf(bearer.token);
  if (bearer.form === undefined) return `$${name}`;
  return `$${expression(bearer.token, bearer.form)}${bearer.form === 'unsigned' ? '.' : ''}`;
}
