import {
  type DataModelFault,
  dataModelFaults,
  hasLoneSurrogate,
  isCompoundShape,
  isPlainObject,
} from './data-model.js';
import { didViolations } from './did.js';
import { handleViolations } from './handle.js';
import { inOrder, rejectIds, SESSION_RULES, type SessionRuleId } from './rules/index.js';

/*
 * The session objects, from the lexicons com.atproto.server.{createSession,refreshSession,
 * getSession} (output schema):
 * - kind `session` (createSession, refreshSession): accessJwt, refreshJwt, handle, did required
 * - kind `getSession`: handle and did required; no token fields (they are unknown fields there)
 * - each declared field has its type; handle and did have their formats; none is nullable
 * - strings are Unicode (no lone surrogate)
 * - didDoc is `unknown`: an object (not an array, not shaped as a compound type) of atproto data
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

/** A declared field: its lexicon type, and whether only kind `session` declares it (tokens). */
export interface SessionFieldSpec {
  readonly type: FieldType;
  readonly tokenOnly: boolean;
  readonly required: boolean;
}

/** The one table of declared session fields, in lexicon order. */
export const SESSION_FIELD_TABLE = {
  accessJwt: { type: 'string', tokenOnly: true, required: true },
  refreshJwt: { type: 'string', tokenOnly: true, required: true },
  handle: { type: 'string', tokenOnly: false, required: true },
  did: { type: 'string', tokenOnly: false, required: true },
  didDoc: { type: 'unknown', tokenOnly: false, required: false },
  email: { type: 'string', tokenOnly: false, required: false },
  emailConfirmed: { type: 'boolean', tokenOnly: false, required: false },
  emailAuthFactor: { type: 'boolean', tokenOnly: false, required: false },
  active: { type: 'boolean', tokenOnly: false, required: false },
  status: { type: 'string', tokenOnly: false, required: false },
} as const satisfies Readonly<Record<string, SessionFieldSpec>>;

export type SessionField = keyof typeof SESSION_FIELD_TABLE;

export const SESSION_FIELDS = Object.keys(SESSION_FIELD_TABLE) as readonly SessionField[];

function fieldSpec(field: SessionField): SessionFieldSpec {
  return SESSION_FIELD_TABLE[field];
}

const DECLARED: Readonly<Record<SessionKind, readonly SessionField[]>> = {
  session: SESSION_FIELDS,
  getSession: SESSION_FIELDS.filter((f) => !fieldSpec(f).tokenOnly),
};

/** The fields each kind declares, in lexicon order. */
export function declaredFields(kind: SessionKind): readonly SessionField[] {
  return DECLARED[kind];
}

const REQUIRED: Readonly<Record<SessionKind, readonly SessionField[]>> = {
  session: DECLARED.session.filter((f) => fieldSpec(f).required),
  getSession: DECLARED.getSession.filter((f) => fieldSpec(f).required),
};

export function requiredFields(kind: SessionKind): readonly SessionField[] {
  return REQUIRED[kind];
}

function hasType(value: unknown, type: FieldType): boolean {
  if (type === 'unknown') return isPlainObject(value);
  return typeof value === type;
}

const DID_DOC_FAULT_RULE: Readonly<Record<DataModelFault, SessionRuleId>> = {
  float: 'session.field.didDoc.no-float',
  unicode: 'session.field.didDoc.unicode',
  'type-field': 'session.field.didDoc.type-field',
  bytes: 'session.field.didDoc.bytes',
  link: 'session.field.didDoc.link',
  blob: 'session.field.didDoc.blob',
};

function didDocViolations(doc: Record<string, unknown>, found: Set<SessionRuleId>): void {
  if (isCompoundShape(doc)) found.add('session.field.didDoc.not-compound');
  for (const fault of dataModelFaults(doc)) found.add(DID_DOC_FAULT_RULE[fault]);
}

/** Checks of a declared field whose type is right. */
function formatViolations(field: SessionField, v: unknown, found: Set<SessionRuleId>): void {
  if (field === 'handle') {
    if (handleViolations(v).length > 0) found.add('session.field.handle.format');
  } else if (field === 'did') {
    if (didViolations(v).length > 0) found.add('session.field.did.format');
  } else if (field === 'didDoc') {
    didDocViolations(v as Record<string, unknown>, found);
  } else if (typeof v === 'string' && hasLoneSurrogate(v)) {
    found.add('session.field.unicode');
  }
}

/** The reject rules, in catalogue order: the order violations are reported in. */
const ORDER: readonly SessionRuleId[] = rejectIds(SESSION_RULES);

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
    if (v === null) found.add('session.field.not-null');
    else if (!hasType(v, fieldSpec(field).type))
      found.add(`session.field.${field}.type` as SessionRuleId);
    else formatViolations(field, v, found);
  }
  return inOrder(ORDER, found);
}

export function isValidSession(kind: SessionKind, value: unknown): boolean {
  return sessionViolations(kind, value).length === 0;
}

export function ensureValidSession(kind: SessionKind, value: unknown): void {
  const rules = sessionViolations(kind, value);
  if (rules.length > 0) throw new InvalidSessionError(rules);
}
