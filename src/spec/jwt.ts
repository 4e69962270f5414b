import { isPlainObject } from './data-model.js';

/*
 * Session tokens are opaque strings to the lexicon. The reference PDS issues compact JWS tokens
 * (RFC 7515): base64url(header) . base64url(claims) . base64url(signature), with header `typ`
 * `at+jwt` (access) or `refresh+jwt` (refresh). Decoding here never verifies a signature.
 */

export interface DecodedJwt {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function decodePart(part: string): unknown {
  if (part.length === 0 || !BASE64URL.test(part) || part.length % 4 === 1) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The header and claims of a compact JWT, or undefined when the token is not JWT-shaped. */
export function decodeJwt(token: unknown): DecodedJwt | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  if (!BASE64URL.test(s)) return undefined;
  const header = decodePart(h);
  const payload = decodePart(p);
  if (!isPlainObject(header) || !isPlainObject(payload)) return undefined;
  return { header, payload };
}

export const ACCESS_TOKEN_TYP = 'at+jwt';
export const REFRESH_TOKEN_TYP = 'refresh+jwt';
