import { containsFloat, isPlainObject } from './data-model.js';
import { didViolations } from './did.js';
import { handleViolations } from './handle.js';
import type { SessionRuleId } from './rules/index.js';

/*
 * The session objects, from the lexicons com.atproto.server.{createSession,refreshSession,
 * getSession} (output schema):
 * - kind `session` (createSession, refreshSession): accessJwt, refreshJwt, handle, did required
 * - kind `getSession`: handle and did required; no token fields (they are unknown fields there)
 * - each declared field has its type; handle and did have their formats; none is nullable
 * - didDoc is `unknown`: an object (not an array) with no floats at any depth
 * - status has knownValues only (an open set); email has no format
 * - undeclared fields are ignored
 */

export type SessionKind = 'session' | 'getSession';

export class InvalidSessionError extends Error {
  override readonly name = 'InvalidSessionError';
  constructor(readonly rules: readonly SessionRuleId[]) {
    super(`Invalid session: breaks ${rules.join(', ')}`);
  }
}

type FieldType = 'string' | 'boolean' | 'unknown';

const FIELDS: Readonly<Record<string, FieldType>> = {
  accessJwt: 'string',
  refreshJwt: 'string',
  handle: 'string',
  did: 'string',
  didDoc: 'unknown',
  email: 'string',
  emailConfirmed: 'boolean',
  emailAuthFactor: 'boolean',
  active: 'boolean',
  status: 'string',
};

const TOKEN_FIELDS = ['accessJwt', 'refreshJwt'];

/** The fields each kind declares, in lexicon order. */
export function declaredFields(kind: SessionKind): readonly string[] {
  const all = Object.keys(FIELDS);
  return kind === 'session' ? all : all.filter((f) => !TOKEN_FIELDS.includes(f));
}

export function requiredFields(kind: SessionKind): readonly string[] {
  return kind === 'session' ? ['accessJwt', 'refreshJwt', 'handle', 'did'] : ['handle', 'did'];
}

function hasType(value: unknown, type: FieldType): boolean {
  if (type === 'unknown') return isPlainObject(value);
  return typeof value === type;
}

/** Every session rule the value breaks, in catalogue order; empty when it is valid. */
export function sessionViolations(kind: SessionKind, value: unknown): SessionRuleId[] {
  if (!isPlainObject(value)) return ['session.top-level.object'];
  const found = new Set<SessionRuleId>();
  for (const field of requiredFields(kind)) {
    if (value[field] === undefined) found.add(`session.required.${field}` as SessionRuleId);
  }
  for (const field of declaredFields(kind)) {
    const v = value[field];
    if (v === undefined) continue;
    if (v === null) {
      found.add('session.field.not-null');
      continue;
    }
    const type = FIELDS[field] as FieldType;
    if (!hasType(v, type)) {
      found.add(`session.field.${field}.type` as SessionRuleId);
      continue;
    }
    if (field === 'handle' && handleViolations(v).length > 0)
      found.add('session.field.handle.format');
    if (field === 'did' && didViolations(v).length > 0) found.add('session.field.did.format');
    if (field === 'didDoc' && containsFloat(v)) found.add('session.field.didDoc.no-float');
  }
  return ORDER.filter((id) => found.has(id));
}

const ORDER: readonly SessionRuleId[] = [
  'session.top-level.object',
  'session.required.accessJwt',
  'session.required.refreshJwt',
  'session.required.handle',
  'session.required.did',
  'session.field.not-null',
  'session.field.accessJwt.type',
  'session.field.refreshJwt.type',
  'session.field.handle.type',
  'session.field.did.type',
  'session.field.email.type',
  'session.field.emailConfirmed.type',
  'session.field.emailAuthFactor.type',
  'session.field.active.type',
  'session.field.status.type',
  'session.field.didDoc.type',
  'session.field.didDoc.no-float',
  'session.field.handle.format',
  'session.field.did.format',
];

export function isValidSession(kind: SessionKind, value: unknown): boolean {
  return sessionViolations(kind, value).length === 0;
}

export function ensureValidSession(kind: SessionKind, value: unknown): void {
  const rules = sessionViolations(kind, value);
  if (rules.length > 0) throw new InvalidSessionError(rules);
}
