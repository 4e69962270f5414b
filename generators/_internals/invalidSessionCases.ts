import fc from 'fast-check';
import type { SESSION_RULES, SessionRuleId } from '../../src/spec/rules/index.js';
import { SESSION_FIELDS, type SessionField, type SessionKind } from '../../src/spec/session.js';
import { pick } from './chars.js';
import { nestTo } from './dataModel.js';
import { twinKeys, withKeys } from './decoding.js';
import { buildDidDoc, didDocParams } from './didDocParts.js';
import { INVALID_DID_CASES } from './invalidDidCases.js';
import { INVALID_DID_DOCS, loneSurrogateString } from './invalidDidDocCases.js';
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
import { declaredFields, renderSession, requiredFields, sessionDraft } from './sessionDraft.js';
import type { JsonObject, JsonValue, Labelled } from './types.js';
import { withCause } from './union.js';

/*
 * One builder per session rule a validator must enforce, keyed by rule ID (the compiler names a
 * missing one): a valid session of the kind with one field removed, nulled, of the wrong type, or
 * holding an invalid handle, DID, string or didDoc. Built by a `map` from the valid session, so
 * every shrink keeps the violation.
 */

/** @internal The session rules with polarity `reject`. */
export type SessionRejectRuleId = Extract<
  (typeof SESSION_RULES)[number],
  { polarity: 'reject' }
>['id'];

type Case = fc.Arbitrary<Labelled<SessionRuleId>>;
type Builder = (kind: SessionKind) => Case;

function validSession(kind: SessionKind): fc.Arbitrary<JsonObject> {
  // With unknown fields now and then: they change nothing about what the value breaks.
  return sessionDraft(kind, { extras: true }).map((d) => renderSession(kind, d));
}

/** The valid session with `field` set to `value` (or removed when `value` is undefined). */
function withField(s: JsonObject, field: string, value: JsonValue | undefined): JsonObject {
  const out: JsonObject = { ...s };
  if (value === undefined) delete out[field];
  else out[field] = value;
  return out;
}

function labelled(rule: SessionRuleId, cause?: string) {
  return (value: JsonValue): Labelled<SessionRuleId> =>
    cause === undefined ? { value, violates: [rule] } : { value, violates: [rule], cause };
}

function mutate(
  kind: SessionKind,
  rule: SessionRuleId,
  field: string,
  value: fc.Arbitrary<JsonValue | undefined>,
): Case {
  return fc
    .tuple(validSession(kind), value)
    .map(([s, v]) => labelled(rule)(withField(s, field, v)));
}

const BOOLEAN_FIELDS: readonly string[] = ['emailConfirmed', 'emailAuthFactor', 'active'];
const BOOLEAN_STRINGS = [
  'true',
  'false',
  '',
  'yes',
  'no',
  'on',
  'off',
  '1',
  '0',
  't',
  'f',
  'y',
  'n',
];

/** Values of the wrong JSON type for a field (never null: null breaks another rule). */
function wrongType(field: SessionField): fc.Arbitrary<JsonValue> {
  if (field === 'didDoc') return nonObjectJson;
  if (BOOLEAN_FIELDS.includes(field)) {
    // Boolean look-alikes first: they are what lax validators let through (pydantic's lax mode
    // reads every one of these strings, and 0 and 1, as a bool; Go's `,string` option reads two).
    return fc.oneof(
      { arbitrary: fc.constantFrom(...BOOLEAN_STRINGS), weight: 3 },
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

/** A float wrapped in 0 to 3 levels of arrays and objects, or nested deep (200 levels). */
const nestedFloat: fc.Arbitrary<JsonValue> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(jsonFloat, fc.array(fc.tuple(fc.boolean(), jsonKey), { maxLength: 3 }))
      .map(([f, levels]) =>
        levels.reduce<JsonValue>(
          (inner, [asArray, key]) => (asArray ? [1, inner] : { [key]: inner }),
          f,
        ),
      ),
  },
  jsonFloat.map((f) => nestTo(f, 200, (i) => i % 3 === 0)),
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

/** A DID document for the session, or any other object. */
function baseDoc(s: JsonObject, params: fc.Arbitrary<unknown>): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(fc.option(didDocParams, { nil: null }), jsonObject(), params)
    .map(([p, other]) => (p === null ? other : buildDidDoc(String(s.did), String(s.handle), p)));
}

function didDocCase(rule: keyof typeof INVALID_DID_DOCS): Builder {
  return (kind) =>
    validSession(kind).chain((s) =>
      fc
        .tuple(baseDoc(s, fc.constant(0)), INVALID_DID_DOCS[rule])
        .map(([base, broken]) =>
          labelled(rule)(
            withField(
              s,
              'didDoc',
              rule === 'session.field.didDoc.not-compound' ? broken : { ...base, ...broken },
            ),
          ),
        ),
    );
}

const UNICODE_FIELDS: readonly SessionField[] = ['accessJwt', 'refreshJwt', 'email', 'status'];

/** A required field missing, maybe with a twin (case variant, folded, snake_case) holding it. */
function missing(field: SessionField): Builder {
  const rule = `session.required.${field}` as SessionRuleId;
  const twins = twinKeys(field);
  return (kind) =>
    fc.tuple(validSession(kind), fc.option(fc.nat(), { nil: undefined })).map(([s, t]) => {
      const without = withField(s, field, undefined);
      if (t === undefined) return labelled(rule)(without);
      return labelled(
        rule,
        'keys are matched case-insensitively or by alias (Go encoding/json, pydantic populate_by_name): a twin stood in for the missing field',
      )(withKeys(without, [[pick(twins, t), s[field] ?? '']]));
    });
}

/**
 * The session's declared values as an array, in lexicon order, `null` for absent
 * optionals, cut to any length from the required fields to all of them.
 */
function positional(kind: SessionKind, s: JsonObject, length: number): JsonValue[] {
  const fields = declaredFields(kind);
  const min = requiredFields(kind).length;
  const n = min + (length % (fields.length - min + 1));
  return fields.slice(0, n).map((f) => s[f] ?? null);
}

type TypeRuleId = `session.field.${SessionField}.type`;

const TYPE_BUILDERS = Object.fromEntries(
  SESSION_FIELDS.map((field): [TypeRuleId, Builder] => [
    `session.field.${field}.type`,
    (kind) => mutate(kind, `session.field.${field}.type`, field, wrongType(field)),
  ]),
) as Record<TypeRuleId, Builder>;

const BUILDERS: Readonly<Record<SessionRejectRuleId, Builder>> = {
  'session.top-level.object': (kind) =>
    fc.oneof(
      nonObjectJson.map(labelled('session.top-level.object')),
      fc.constant(null).map(labelled('session.top-level.object')),
      validSession(kind).map((s) => labelled('session.top-level.object')([s])),
      validSession(kind).map((s) => labelled('session.top-level.object')(JSON.stringify(s))),
      fc
        .tuple(validSession(kind), fc.nat())
        .map(([s, n]) =>
          labelled(
            'session.top-level.object',
            'arrays are decoded positionally into the struct fields, as serde does',
          )(positional(kind, s, n)),
        ),
    ),
  'session.required.accessJwt': missing('accessJwt'),
  'session.required.refreshJwt': missing('refreshJwt'),
  'session.required.handle': missing('handle'),
  'session.required.did': missing('did'),
  'session.field.not-null': (kind) =>
    fc
      .tuple(validSession(kind), fc.nat())
      .map(([s, n]) =>
        labelled(
          'session.field.not-null',
          'null is read as an absent optional (Option / Optional / pointer)',
        )(withField(s, pick(declaredFields(kind), n), null)),
      ),
  ...TYPE_BUILDERS,
  'session.field.didDoc.no-float': (kind) =>
    validSession(kind).chain((s) =>
      fc
        .tuple(baseDoc(s, fc.constant(0)), jsonKey, nestedFloat)
        .map(([base, key, float]) =>
          labelled('session.field.didDoc.no-float')(
            withField(s, 'didDoc', { ...base, [key]: float }),
          ),
        ),
    ),
  'session.field.didDoc.not-compound': didDocCase('session.field.didDoc.not-compound'),
  'session.field.didDoc.type-field': didDocCase('session.field.didDoc.type-field'),
  'session.field.didDoc.bytes': didDocCase('session.field.didDoc.bytes'),
  'session.field.didDoc.link': didDocCase('session.field.didDoc.link'),
  'session.field.didDoc.blob': didDocCase('session.field.didDoc.blob'),
  'session.field.didDoc.unicode': didDocCase('session.field.didDoc.unicode'),
  'session.field.handle.format': (kind) =>
    mutate(
      kind,
      'session.field.handle.format',
      'handle',
      invalidStrings(INVALID_HANDLE_CASES, 'handle.type.string'),
    ),
  'session.field.did.format': (kind) =>
    mutate(
      kind,
      'session.field.did.format',
      'did',
      invalidStrings(INVALID_DID_CASES, 'did.type.string'),
    ),
  'session.field.unicode': (kind) => {
    const fields = UNICODE_FIELDS.filter((f) => declaredFields(kind).includes(f));
    return fc
      .tuple(validSession(kind), fc.nat(), loneSurrogateString)
      .map(([s, n, str]) => labelled('session.field.unicode')(withField(s, pick(fields, n), str)));
  },
};

/** @internal A builder for every reject rule of the catalogue. */
export function invalidSessionCase(kind: SessionKind, rule: SessionRejectRuleId): Case {
  return withCause(BUILDERS[rule](kind), rule);
}
