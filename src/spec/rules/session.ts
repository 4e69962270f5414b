import { DID_DOC_ACCEPT_RULES, DID_DOC_REJECT_RULES, sessionRule } from './session-did-doc.js';
import { CREATE, DATA_MODEL_SPEC, GET, LEXICON_SPEC } from './sources.js';
import { type Kind, lexicon, type Rule, ruleBuilder, spec } from './types.js';

export { MUST_ACCEPT_DEPTH } from './session-did-doc.js';

const OUT = 'defs.main.output.schema';

const BOTH = ['session', 'getSession'] as const;

/** A session rule; most hold for both kinds. */
const rule = ruleBuilder('session', BOTH);

function fieldType<F extends string>(field: F, type: string, kinds: readonly Kind[]) {
  return rule({
    id: `session.field.${field}.type`,
    keyword: 'lexicon',
    polarity: 'reject',
    kinds,
    summary: `\`${field}\`, when present, is a ${type}.`,
    source: lexicon(CREATE, `${OUT}.properties.${field}`, `"type": "${type}"`),
    likelyCause: 'the field type is not checked, or is coerced ("true", 0 and 1, String(x))',
  });
}

/** A field the lexicon lists as required: the tokens in createSession output only. */
function required<F extends string>(field: F, sentence: string) {
  const tokens = field.endsWith('Jwt');
  return rule({
    id: `session.required.${field}`,
    keyword: 'lexicon',
    polarity: 'reject',
    ...(tokens ? { kinds: ['session'] } : {}),
    summary: `${sentence} \`${field}\`.`,
    source: tokens
      ? lexicon(
          CREATE,
          `${OUT}.required`,
          '"required": ["accessJwt", "refreshJwt", "handle", "did"]',
        )
      : lexicon(GET, `${OUT}.required`, '"required": ["handle", "did"]'),
    likelyCause: 'a missing field is zero-valued or treated as optional',
  });
}

/**
 * The session objects: kind `session` is the createSession / refreshSession output, kind
 * `getSession` the getSession output (same fields, no tokens).
 */
export const SESSION_RULES = [
  rule({
    id: 'session.top-level.object',
    keyword: 'lexicon',
    polarity: 'reject',
    summary: 'The output is a JSON object (not an array, string, number, boolean or null).',
    source: lexicon(CREATE, `${OUT}.type`, '"type": "object"'),
    likelyCause: 'a body that is not an object is accepted, or parsed a second time',
  }),
  required('accessJwt', 'createSession and refreshSession outputs include'),
  required('refreshJwt', 'createSession and refreshSession outputs include'),
  required('handle', 'Every session output includes'),
  required('did', 'Every session output includes'),
  rule({
    id: 'session.field.not-null',
    keyword: 'MUST NOT',
    polarity: 'reject',
    summary: 'No declared field may be `null`: none is marked nullable.',
    source: spec(
      LEXICON_SPEC,
      'As with all other data types, the value `null` is not allowed unless the field is specifically marked as `nullable`.',
    ),
    likelyCause: 'null is read as an absent optional (Option / Optional / pointer)',
  }),
  fieldType('accessJwt', 'string', ['session']),
  fieldType('refreshJwt', 'string', ['session']),
  fieldType('handle', 'string', BOTH),
  fieldType('did', 'string', BOTH),
  fieldType('email', 'string', BOTH),
  fieldType('emailConfirmed', 'boolean', BOTH),
  fieldType('emailAuthFactor', 'boolean', BOTH),
  fieldType('active', 'boolean', BOTH),
  fieldType('status', 'string', BOTH),
  rule({
    id: 'session.field.didDoc.type',
    keyword: 'MUST',
    polarity: 'reject',
    summary: '`didDoc`, when present, is an object: not an array, string, number or boolean.',
    source: spec(
      LEXICON_SPEC,
      'An `unknown` type indicates that any data object could appear at this location, with no specific validation. The top-level data must be an object (not a string, boolean, etc).',
    ),
    likelyCause: "`typeof x === 'object'` lets arrays (and null) through",
  }),
  rule({
    id: 'session.field.didDoc.no-float',
    keyword: 'MUST',
    polarity: 'reject',
    summary:
      '`didDoc` holds atproto data only: no floating-point number, and no integer beyond 64 bits, at any depth.',
    source: spec(
      LEXICON_SPEC,
      'The (nested) contents of the data object must still be valid under the atproto data model. For example, it should not contain floats.',
    ),
    likelyCause: 'numbers inside didDoc are not checked to be 64-bit integers at every depth',
  }),
  ...DID_DOC_REJECT_RULES,
  rule({
    id: 'session.field.handle.format',
    keyword: 'lexicon',
    polarity: 'reject',
    summary: '`handle` is a syntactically valid handle.',
    source: lexicon(CREATE, `${OUT}.properties.handle`, '"format": "handle"'),
    likelyCause: 'the handle format is not checked inside the session',
  }),
  rule({
    id: 'session.field.did.format',
    keyword: 'lexicon',
    polarity: 'reject',
    summary: '`did` is a syntactically valid DID.',
    source: lexicon(CREATE, `${OUT}.properties.did`, '"format": "did"'),
    likelyCause: 'the DID format is not checked inside the session',
  }),
  sessionRule({
    id: 'session.field.unicode',
    keyword: 'MUST',
    polarity: 'reject',
    summary:
      'The string fields without a format (tokens, `email`, `status`) hold Unicode text: no lone surrogate (`\\ud800`).',
    source: spec(
      DATA_MODEL_SPEC,
      '`string` | string | String | UTF-8 String (major 3) | Unicode, UTF-8',
    ),
    likelyCause: 'strings are not checked to be Unicode (Go replaces lone surrogates with U+FFFD)',
  }),
  // Must-accept rules.
  rule({
    id: 'session.accept.valid',
    keyword: 'lexicon',
    polarity: 'accept',
    summary: 'A session with its required fields and any subset of the optional fields is valid.',
    source: lexicon(CREATE, OUT),
    likelyCause: 'an optional field is treated as required, or a valid field value is refused',
  }),
  rule({
    id: 'session.accept.unknown-fields',
    keyword: 'SHOULD',
    polarity: 'accept',
    summary: 'Fields the lexicon does not declare are ignored, whatever their value.',
    source: spec(
      LEXICON_SPEC,
      'Unexpected fields in data which otherwise conforms to the Lexicon should be ignored.',
    ),
    likelyCause:
      "unknown fields are refused (serde deny_unknown_fields, pydantic extra='forbid', additionalProperties false), or a case-variant or snake_case twin of a declared field is read as that field",
  }),
  rule({
    id: 'session.accept.open-status',
    keyword: 'lexicon',
    polarity: 'accept',
    summary:
      '`status` is an open set: any string is valid, not only takendown, suspended or deactivated.',
    source: spec(
      LEXICON_SPEC,
      '`knownValues` (array of strings, optional): a set of suggested or common values for this field. Values are not limited to this set (aka, not a closed enum).',
    ),
    likelyCause: '`status` is checked as a closed enum, not as lexicon knownValues',
  }),
  rule({
    id: 'session.accept.email-any-string',
    keyword: 'lexicon',
    polarity: 'accept',
    summary: '`email` is a plain string with no format: any string is valid.',
    source: lexicon(CREATE, `${OUT}.properties.email`, '"email": { "type": "string" }'),
    likelyCause: '`email` is checked with an email format; the lexicon declares a plain string',
  }),
  rule({
    id: 'session.accept.opaque-tokens',
    keyword: 'lexicon',
    polarity: 'accept',
    kinds: ['session'],
    summary: 'Tokens are plain strings: any string, JWT-shaped or not, is valid.',
    source: lexicon(CREATE, `${OUT}.properties.accessJwt`, '"accessJwt": { "type": "string" }'),
    likelyCause: 'tokens are parsed as JWTs; the lexicon declares plain strings',
  }),
  rule({
    id: 'session.accept.did-doc-any-object',
    keyword: 'lexicon',
    polarity: 'accept',
    summary:
      '`didDoc` may be any object of atproto data (integers, strings, nesting), not only a DID document.',
    source: spec(
      LEXICON_SPEC,
      'An `unknown` type indicates that any data object could appear at this location, with no specific validation.',
    ),
    likelyCause:
      '`didDoc` is decoded as a DID document with required members, not as lexicon unknown',
  }),
  rule({
    id: 'session.accept.get-session-no-tokens',
    keyword: 'lexicon',
    polarity: 'accept',
    kinds: ['getSession'],
    summary: 'A getSession output without `accessJwt` and `refreshJwt` is valid.',
    source: lexicon(GET, `${OUT}.required`, '"required": ["handle", "did"]'),
    likelyCause: 'getSession output is validated with the createSession schema',
  }),
  sessionRule({
    id: 'session.accept.unicode-strings',
    keyword: 'MUST',
    polarity: 'accept',
    summary:
      'String fields may hold any Unicode text, astral code points (surrogate pairs in JSON) included.',
    source: spec(
      DATA_MODEL_SPEC,
      '`string` | string | String | UTF-8 String (major 3) | Unicode, UTF-8',
    ),
    likelyCause:
      'a lone-surrogate check without the regex `u` flag also refuses surrogate pairs, or text is stored as 3-byte UTF-8',
  }),
  ...DID_DOC_ACCEPT_RULES,
] as const satisfies readonly Rule[];
