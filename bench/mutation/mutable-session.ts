import type { Bug } from './bugs.js';
import { decoded, REFUSED } from './decoding.js';
import { didDocDataOk, textOk } from './mutable-data-model.js';
import { didOk } from './mutable-did.js';
import { handleOk } from './mutable-handle.js';

/*
 * The session objects (lexicons com.atproto.server.createSession / refreshSession / getSession,
 * output), written out a second time so that each check can carry a seeded bug. With no bug it
 * accepts exactly what the reference oracle accepts. A handle or DID bug also reaches the
 * `handle` and `did` fields, as it would in a real validator built on the same checks.
 */

export type SessionKind = 'session' | 'getSession';

type Json = Record<string, unknown>;

const TOKENS = ['accessJwt', 'refreshJwt'] as const;
const OPTIONAL = ['didDoc', 'email', 'emailConfirmed', 'emailAuthFactor', 'active', 'status'];
const KNOWN_STATUSES = ['takendown', 'suspended', 'deactivated'];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasFloat(value: unknown): boolean {
  if (typeof value === 'number') {
    // A fractional part; the 64-bit range is checked with the rest of the data model.
    return !Number.isInteger(value);
  }
  const children = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
  return children.some(hasFloat);
}

function hasNumber(value: unknown): boolean {
  if (typeof value === 'number') return true;
  const children = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
  return children.some(hasNumber);
}

function tokenOk(value: unknown, anyType: boolean, bug: Bug | undefined): boolean {
  if (typeof value !== 'string') return anyType;
  if (!textOk(value)) return false;
  if (bug === 'session-token-non-empty' && value.length === 0) return false;
  // Tokens are opaque strings; this insists on the compact JWT shape.
  if (bug === 'session-token-jwt' && !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(value)) return false;
  return true;
}

function didDocOk(value: unknown, bug: Bug | undefined): boolean {
  // `typeof x === 'object'` lets arrays through.
  const shapeOk = isObject(value) || (bug === 'session-did-doc-array' && Array.isArray(value));
  if (!shapeOk) return false;
  // The shallow check looks only at the document's own values, not inside them.
  const floats =
    bug === 'session-float-shallow'
      ? Object.values(value).some((v) => typeof v === 'number' && hasFloat(v))
      : hasFloat(value);
  if (floats) return false;
  if (bug === 'session-did-doc-shape') {
    const id = (value as Json).id;
    if (typeof id !== 'string' || !id.startsWith('did:')) return false;
  }
  if (bug === 'session-did-doc-no-numbers' && hasNumber(value)) return false;
  return !isObject(value) || didDocDataOk(value, bug);
}

/** One declared field that is present and not null. */
function fieldOk(field: string, value: unknown, bug: Bug | undefined): boolean {
  switch (field) {
    case 'accessJwt':
      return tokenOk(value, bug === 'session-access-any-type', bug);
    case 'refreshJwt':
      return tokenOk(value, bug === 'session-refresh-any-type', bug);
    case 'handle':
      // JSON Schema `format` without `type` ignores non-strings.
      if (typeof value !== 'string') return bug === 'session-handle-format-without-type';
      if (bug === 'session-handle-lowercase' && /[A-Z]/.test(value)) return false;
      return bug === 'session-handle-format-unchecked' || handleOk(value, bug);
    case 'did':
      if (typeof value !== 'string') return bug === 'session-did-format-without-type';
      return bug === 'session-did-format-unchecked' || didOk(value, bug);
    case 'didDoc':
      return didDocOk(value, bug);
    case 'email':
      if (typeof value !== 'string') return bug === 'session-email-any-type';
      if (!textOk(value)) return false;
      if (bug === 'session-email-non-empty' && value.length === 0) return false;
      return bug !== 'session-email-format' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
    case 'emailConfirmed':
      // Type coercion: the strings "true" and "false" pass as booleans.
      return (
        typeof value === 'boolean' ||
        (bug === 'session-email-confirmed-string' && (value === 'true' || value === 'false'))
      );
    case 'emailAuthFactor':
      // SQLite-style booleans: 0 and 1 pass.
      return (
        typeof value === 'boolean' ||
        (bug === 'session-auth-factor-01' && (value === 0 || value === 1))
      );
    case 'active':
      // `if (session.active)`: any value is fine.
      return typeof value === 'boolean' || bug === 'session-active-truthy';
    case 'status':
      if (typeof value !== 'string') return bug === 'session-status-any-type';
      if (!textOk(value)) return false;
      if (bug === 'session-status-non-empty' && value.length === 0) return false;
      return bug !== 'session-status-enum' || KNOWN_STATUSES.includes(value);
    default:
      return true;
  }
}

function requiredFields(kind: SessionKind, bug: Bug | undefined): string[] {
  // `session-get-session-schema`: the getSession schema used for createSession output.
  const tokens = kind === 'session' && bug !== 'session-get-session-schema';
  const required: string[] = tokens || bug === 'get-session-requires-tokens' ? [...TOKENS] : [];
  required.push('handle', 'did');
  if (bug === 'session-active-required') required.push('active');
  const optionalized: Partial<Record<string, Bug>> = {
    accessJwt: 'session-access-optional',
    refreshJwt: 'session-refresh-optional',
    handle: 'session-handle-optional',
    did: 'session-did-optional',
  };
  return required.filter((f) => bug === undefined || optionalized[f] !== bug);
}

/** Whether a session object is accepted; `bug` seeds one mistake (none: the correct answer). */
export function sessionOk(kind: SessionKind, input: unknown, bug?: Bug): boolean {
  let value = input;
  // A body that arrives as a JSON string is parsed a second time.
  if (bug === 'session-parse-string' && typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return false;
    }
  }
  const required = requiredFields(kind, bug);
  const tokensDeclared =
    (kind === 'session' && bug !== 'session-get-session-schema') ||
    bug === 'get-session-token-types';
  const declared = [...(tokensDeclared ? TOKENS : []), 'handle', 'did', ...OPTIONAL];
  value = decoded(value, declared, required, bug);
  if (value === REFUSED || !isObject(value)) return false;
  const session = value;
  if (required.some((f) => session[f] === undefined)) return false;

  // getSession declares no tokens, unless its checks are copied from createSession (above).
  for (const field of declared) {
    const v = session[field];
    if (v === undefined) continue;
    if (v === null) {
      // Optional-means-nullable: `Optional[str]` lets null through.
      if (bug === 'session-null-optional' && !required.includes(field)) continue;
      return false;
    }
    if (!fieldOk(field, v, bug)) return false;
  }
  const extra = Object.keys(session).filter((k) => !declared.includes(k));
  // `additionalProperties: false`.
  if (bug === 'session-no-extra-fields' && extra.length > 0) return false;
  if (bug === 'session-null-anywhere' && Object.values(session).includes(null)) return false;
  return true;
}
