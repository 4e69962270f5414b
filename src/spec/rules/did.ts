import { DID_SPEC, LEXICON_SPEC, PLC_SPEC } from './sources.js';
import { type Rule, ruleBuilder, spec } from './types.js';

const didRule = ruleBuilder('did', ['did']);
const policyRule = ruleBuilder('did-policy', ['live']);

/** Generic DID syntax (https://atproto.com/specs/did, "DID Identifier Syntax"). */
export const DID_RULES = [
  didRule({
    id: 'did.type.string',
    keyword: 'lexicon',
    polarity: 'reject',
    summary: 'A DID is a string; numbers, booleans, null, arrays and objects are invalid.',
    source: spec(LEXICON_SPEC, 'Lexicon string format type: `did`'),
    likelyCause: 'the value is converted to a string (String(x)) or not type-checked first',
  }),
  didRule({
    id: 'did.prefix',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'A DID starts with lowercase `did:`.',
    source: spec(DID_SPEC, 'The URI starts with lowercase `did:`'),
    likelyCause: 'the `did:` prefix is matched case-insensitively, or not required',
  }),
  didRule({
    id: 'did.method.lowercase',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'The method is one or more lowercase letters `a-z` (no digits, no upper case).',
    source: spec(
      DID_SPEC,
      'The method segment is one or more lowercase letters (`a-z`), followed by `:`',
    ),
    likelyCause:
      'the method is not checked to be one or more lowercase letters (empty, digits, upper case)',
  }),
  didRule({
    id: 'did.identifier.present',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'A method-specific identifier follows the method and its `:`.',
    source: spec(
      DID_SPEC,
      'The method segment is one or more lowercase letters (`a-z`), followed by `:`',
    ),
    likelyCause: 'the method-specific identifier may be empty',
  }),
  didRule({
    id: 'did.chars.allowed',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'Only ASCII letters, digits and `._:%-` appear in a DID.',
    source: spec(
      DID_SPEC,
      'The entire URI is made up of a subset of ASCII, containing letters (`A-Z`, `a-z`), digits (`0-9`), period, underscore, colon, percent sign, or hyphen (`._:%-`)',
    ),
    likelyCause: 'the character class is wider than [a-zA-Z0-9._:%-]',
  }),
  didRule({
    id: 'did.no-query-fragment-path',
    keyword: 'MUST NOT',
    polarity: 'reject',
    summary: 'No query (`?`), fragment (`#`) or path (`/`) in a DID.',
    source: spec(
      DID_SPEC,
      'Query (`?`) and fragment (`#`) sections are allowed in DID URIs, but not in DID identifiers. In the context of atproto, the query and fragment parts are not allowed.',
    ),
    likelyCause: 'DID URLs (path, query, fragment) are accepted as DIDs',
  }),
  didRule({
    id: 'did.end.no-colon',
    keyword: 'MUST NOT',
    polarity: 'reject',
    summary: 'A DID does not end with `:`.',
    source: spec(DID_SPEC, 'The URI (and thus the remaining identifier) may not end in `:`.'),
    likelyCause: 'a trailing `:` is accepted',
  }),
  didRule({
    id: 'did.end.no-percent',
    keyword: 'SHOULD NOT',
    polarity: 'reject',
    summary: 'A DID does not end with `%`.',
    source: spec(
      DID_SPEC,
      'The percent symbol is allowed in DID identifier segments, but the identifier should not end in a percent symbol.',
    ),
    likelyCause: 'a trailing `%` is accepted',
  }),
  didRule({
    id: 'did.length.max',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'A DID is at most 2048 characters long.',
    source: spec(
      DID_SPEC,
      'DID identifiers do not generally have a maximum length restriction, but in the context of atproto, there is a current hard limit of 2048 characters.',
    ),
    likelyCause: 'the 2048-character limit is missing or off by one',
  }),
  // Must-accept rules.
  didRule({
    id: 'did.accept.syntax',
    keyword: 'MUST',
    polarity: 'accept',
    summary: 'Every string that follows the generic DID syntax is accepted.',
    source: spec(
      DID_SPEC,
      'A reasonable starting-point regex for DIDs in the context of atproto is: /^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$/',
    ),
    likelyCause: "the DID check is stricter than the spec's regex",
  }),
  didRule({
    id: 'did.accept.any-method',
    keyword: 'SHOULD',
    polarity: 'accept',
    summary:
      'DIDs with methods other than plc and web (`did:key`, `did:example`, ...) are valid syntax.',
    source: spec(
      LEXICON_SPEC,
      'data with any kind of DID in a `did` format string field should pass Lexicon validation, with unsupported DID methods being raised separately as an application error.',
    ),
    likelyCause: 'only did:plc and did:web are accepted (a resolution rule, not syntax)',
  }),
  didRule({
    id: 'did.accept.colons',
    keyword: 'MAY',
    polarity: 'accept',
    summary: 'Colons inside the identifier, even in a row (`did:method::::val`), are valid.',
    source: spec(
      DID_SPEC,
      'The remainder of the URI (the identifier) may contain any of the above-allowed ASCII characters',
    ),
    likelyCause: 'colons inside the identifier are refused',
  }),
  didRule({
    id: 'did.accept.percent-encoding',
    keyword: 'MUST',
    polarity: 'accept',
    summary: 'A `%` followed by two hex digits (either case) inside the identifier is valid.',
    source: spec(
      DID_SPEC,
      'Percent-sign (`%`) is used for "percent encoding" in the identifier section, and must always be followed by two hex characters',
    ),
    likelyCause: '`%` is refused, or percent-encoding is decoded and checked',
  }),
  didRule({
    id: 'did.accept.case-sensitive-identifier',
    keyword: 'MUST',
    polarity: 'accept',
    summary: 'Upper-case letters in the identifier are valid (`did:method:VAL`).',
    source: spec(DID_SPEC, 'The URI is case-sensitive'),
    likelyCause: 'the identifier is required to be lower case',
  }),
  didRule({
    id: 'did.accept.length-limit',
    keyword: 'MUST',
    polarity: 'accept',
    summary: 'DIDs up to exactly 2048 characters are valid.',
    source: spec(
      DID_SPEC,
      'in the context of atproto, there is a current hard limit of 2048 characters.',
    ),
    likelyCause: 'the 2048-character limit is off by one, or a shorter limit applies',
  }),
  didRule({
    id: 'did.accept.plc-any-length',
    keyword: 'SHOULD',
    polarity: 'accept',
    summary:
      'A did:plc of the wrong length or alphabet is still valid DID syntax (it fails resolution, not syntax).',
    source: spec(
      DID_SPEC,
      'implementations should distinguish between at least the distinct cases "invalid DID syntax", "unsupported DID method" and "supported DID method, but specific DID resolution failed".',
    ),
    likelyCause: 'did:plc is checked for its 24-character base32 form at syntax level',
  }),
  didRule({
    id: 'did.accept.web-localhost-port',
    keyword: 'MAY',
    polarity: 'accept',
    summary: 'A did:web with a hex-encoded port (`did:web:localhost%3A2583`) is valid syntax.',
    source: spec(
      DID_SPEC,
      'Port numbers (with separating colon hex-encoded) are only allowed for `localhost`, and only in testing and development.',
    ),
    likelyCause: '`%3A` is refused in did:web identifiers',
  }),
] as const satisfies readonly Rule[];

/**
 * Method policy. These are not syntax rules: a validator of the Lexicon `did` format must accept
 * values that break them. Live mode checks them on the DID a server returns.
 */
export const DID_POLICY_RULES = [
  policyRule({
    id: 'did.plc.identifier-format',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'A did:plc identifier is exactly 24 characters of base32 `[a-z2-7]`.',
    source: spec(
      PLC_SPEC,
      'The identifier part is 24 characters long, including only characters from the `base32` encoding set.',
    ),
  }),
  policyRule({
    id: 'did.web.hostname-only',
    level: 'SHOULD',
    keyword: 'MUST NOT',
    polarity: 'reject',
    summary: 'A did:web names a hostname only, with no path (no `:` after the host).',
    source: spec(
      DID_SPEC,
      'In the context of atproto, only hostname-level `did:web` DIDs are supported: path-based DIDs are not supported.',
    ),
  }),
  policyRule({
    id: 'did.web.port-localhost-only',
    level: 'SHOULD',
    keyword: 'MUST NOT',
    polarity: 'reject',
    summary: 'A did:web carries a port (`%3A`) only for `localhost`.',
    source: spec(
      DID_SPEC,
      'Port numbers (with separating colon hex-encoded) are only allowed for `localhost`, and only in testing and development.',
    ),
  }),
] as const satisfies readonly Rule[];
