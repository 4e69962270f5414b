import fc from 'fast-check';
import type { SESSION_RULES, SessionRuleId } from '../../src/spec/rules/index.js';
import type { SessionKind } from '../../src/spec/session.js';
import { pick } from './chars.js';
import { buildDidDoc, didDocParams } from './didDocParts.js';
import { INVALID_DID_CASES } from './invalidDidCases.js';
import { INVALID_HANDLE_CASES } from './invalidHandleCases.js';
import {
  jsonFloat,
  jsonInteger,
  jsonKey,
  jsonObject,
  jsonString,
  jsonValue,
  nonObjectJson,
  nonStringJson,
} from './json.js';
import {
  declaredFields,
  renderSession,
  requiredFields,
  type SessionField,
  sessionDraft,
} from './sessionDraft.js';
import type { JsonObject, JsonValue, Labelled } from './types.js';

/*
 * One arbitrary per session rule a validator must enforce: a valid session of the kind with one
 * field removed, nulled, of the wrong type, or holding an invalid handle, DID or didDoc. Built by a
 * `map` from the valid session, so every shrink keeps the violation.
 */

/** @internal The session rules with polarity `reject`. */
export type SessionRejectRuleId = Extract<
  (typeof SESSION_RULES)[number],
  { polarity: 'reject' }
>['id'];

type Case = fc.Arbitrary<Labelled<SessionRuleId>>;

function validSession(kind: SessionKind): fc.Arbitrary<JsonObject> {
  return sessionDraft(kind).map((d) => renderSession(kind, d));
}

/** The valid session with `field` set to `value` (or removed when `value` is undefined). */
function withField(s: JsonObject, field: string, value: JsonValue | undefined): JsonObject {
  const out: JsonObject = { ...s };
  if (value === undefined) delete out[field];
  else out[field] = value;
  return out;
}

function mutate(
  kind: SessionKind,
  rule: SessionRuleId,
  field: string,
  value: fc.Arbitrary<JsonValue | undefined>,
): Case {
  return fc
    .tuple(validSession(kind), value)
    .map(([s, v]) => ({ value: withField(s, field, v), violates: [rule] }));
}

const BOOLEAN_FIELDS: readonly string[] = ['emailConfirmed', 'emailAuthFactor', 'active'];

/** Values of the wrong JSON type for a field (never null: null breaks another rule). */
function wrongType(field: SessionField): fc.Arbitrary<JsonValue> {
  if (field === 'didDoc') return nonObjectJson;
  if (BOOLEAN_FIELDS.includes(field)) {
    // Boolean look-alikes first: they are what lax validators let through.
    return fc.oneof(
      { arbitrary: fc.constantFrom('true', 'false', '', 'yes'), weight: 3 },
      { arbitrary: fc.constantFrom(0, 1), weight: 3 },
      jsonString,
      jsonInteger,
      jsonFloat,
      fc.array(jsonValue, { maxLength: 3 }),
      jsonObject(),
    );
  }
  return nonStringJson(false);
}

/** A float wrapped in 0 to 3 levels of arrays and objects. */
const nestedFloat: fc.Arbitrary<JsonValue> = fc
  .tuple(jsonFloat, fc.array(fc.tuple(fc.boolean(), jsonKey), { maxLength: 3 }))
  .map(([f, levels]) =>
    levels.reduce<JsonValue>(
      (inner, [asArray, key]) => (asArray ? [1, inner] : { [key]: inner }),
      f,
    ),
  );

function invalidStrings(
  table: Readonly<Record<string, fc.Arbitrary<Labelled>>>,
  skip: string,
): fc.Arbitrary<string> {
  const sources = Object.entries(table)
    .filter(([rule]) => rule !== skip)
    // Every rule but the type rule is broken by a string; '' (itself invalid) only satisfies the type.
    .map(([, arb]) => arb.map((l) => (typeof l.value === 'string' ? l.value : '')));
  return fc.oneof(...sources);
}

function cases(kind: SessionKind): Partial<Record<SessionRejectRuleId, Case>> {
  const declared = declaredFields(kind);
  const out: Partial<Record<SessionRejectRuleId, Case>> = {
    'session.top-level.object': fc
      .oneof(
        nonObjectJson,
        fc.constant(null),
        validSession(kind).map((s) => [s]),
        validSession(kind).map((s) => JSON.stringify(s)),
      )
      .map((value) => ({ value, violates: ['session.top-level.object'] })),
    'session.field.not-null': fc.tuple(validSession(kind), fc.nat()).map(([s, n]) => ({
      value: withField(s, pick(declared, n), null),
      violates: ['session.field.not-null'],
    })),
    'session.field.didDoc.no-float': fc
      .tuple(
        validSession(kind),
        fc.option(didDocParams, { nil: null }),
        jsonObject(),
        jsonKey,
        nestedFloat,
      )
      .map(([s, params, other, key, float]) => {
        // A DID document for the session, or any other object.
        const base = params === null ? other : buildDidDoc(String(s.did), String(s.handle), params);
        return {
          value: withField(s, 'didDoc', { ...base, [key]: float }),
          violates: ['session.field.didDoc.no-float'],
        };
      }),
    'session.field.handle.format': mutate(
      kind,
      'session.field.handle.format',
      'handle',
      invalidStrings(INVALID_HANDLE_CASES, 'handle.type.string'),
    ),
    'session.field.did.format': mutate(
      kind,
      'session.field.did.format',
      'did',
      invalidStrings(INVALID_DID_CASES, 'did.type.string'),
    ),
  };
  for (const field of declared) {
    const typeRule = `session.field.${field}.type` as SessionRejectRuleId;
    out[typeRule] = mutate(kind, typeRule, field, wrongType(field));
  }
  for (const field of requiredFields(kind)) {
    const requiredRule = `session.required.${field}` as SessionRejectRuleId;
    out[requiredRule] = mutate(kind, requiredRule, field, fc.constant(undefined));
  }
  return out;
}

/** @internal The arbitraries of each kind, for the rules that apply to it. */
export const INVALID_SESSION_CASES: Readonly<
  Record<SessionKind, Partial<Record<SessionRejectRuleId, Case>>>
> = {
  session: cases('session'),
  getSession: cases('getSession'),
};
