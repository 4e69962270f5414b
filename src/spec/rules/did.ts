import { type Rule, spec } from './types.js';

const DID_SPEC = 'https://atproto.com/specs/did';
const PLC_SPEC = 'https://web.plc.directory/spec/v0.1/did-plc';
const LEXICON_SPEC = 'https://atproto.com/specs/lexicon';

/** Generic DID syntax (https://atproto.com/specs/did, "DID Identifier Syntax"). */
export const DID_RULES = [
  {
    id: 'did.type.string',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'did',
    kinds: ['did'],
    summary: 'A DID is a string; numbers, booleans, null, arrays and objects are invalid.',
    source: spec(LEXICON_SPEC, 'Lexicon string format type: `did`'),
  },
  {
    id: 'did.prefix',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'did',
    kinds: ['did'],
    summary: 'A DID starts with lowercase `did:`.',
    source: spec(DID_SPEC, 'The URI starts with lowercase `did:`'),
  },
  {
    id: 'did.method.lowercase',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'did',
    kinds: ['did'],
    summary: 'The method is one or more lowercase letters `a-z` (no digits, no upper case).',
    source: spec(
      DID_SPEC,
      'The method segment is one or more lowercase letters (`a-z`), followed by `:`',
    ),
  },
  {
    id: 'did.identifier.present',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'did',
    kinds: ['did'],
    summary: 'A method-specific identifier follows the method and its `:`.',
    source: spec(
      DID_SPEC,
      'The method segment is one or more lowercase letters (`a-z`), followed by `:`',
    ),
  },
  {
    id: 'did.chars.allowed',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'did',
    kinds: ['did'],
    summary: 'Only ASCII letters, digits and `._:%-` appear in a DID.',
    source: spec(
      DID_SPEC,
      'The entire URI is made up of a subset of ASCII, containing letters (`A-Z`, `a-z`), digits (`0-9`), period, underscore, colon, percent sign, or hyphen (`._:%-`)',
    ),
  },
  {
    id: 'did.no-query-fragment-path',
    level: 'MUST',
    keyword: 'MUST NOT',
    polarity: 'reject',
    area: 'did',
    kinds: ['did'],
    summary: 'No query (`?`), fragment (`#`) or path (`/`) in a DID.',
    source: spec(
      DID_SPEC,
      'Query (`?`) and fragment (`#`) sections are allowed in DID URIs, but not in DID identifiers. In the context of atproto, the query and fragment parts are not allowed.',
    ),
  },
  {
    id: 'did.end.no-colon',
    level: 'MUST',
    keyword: 'MUST NOT',
    polarity: 'reject',
    area: 'did',
    kinds: ['did'],
    summary: 'A DID does not end with `:`.',
    source: spec(DID_SPEC, 'The URI (and thus the remaining identifier) may not end in `:`.'),
  },
  {
    id: 'did.end.no-percent',
    level: 'SHOULD',
    keyword: 'SHOULD NOT',
    polarity: 'reject',
    area: 'did',
    kinds: ['did'],
    summary: 'A DID does not end with `%`.',
    source: spec(
      DID_SPEC,
      'The percent symbol is allowed in DID identifier segments, but the identifier should not end in a percent symbol.',
    ),
  },
  {
    id: 'did.length.max',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'did',
    kinds: ['did'],
    summary: 'A DID is at most 2048 characters long.',
    source: spec(
      DID_SPEC,
      'DID identifiers do not generally have a maximum length restriction, but in the context of atproto, there is a current hard limit of 2048 characters.',
    ),
  },
  // Must-accept rules.
  {
    id: 'did.accept.syntax',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'accept',
    area: 'did',
    kinds: ['did'],
    summary: 'Every string that follows the generic DID syntax is accepted.',
    source: spec(
      DID_SPEC,
      'A reasonable starting-point regex for DIDs in the context of atproto is: /^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$/',
    ),
    likelyCause: "the DID check is stricter than the spec's regex",
  },
  {
    id: 'did.accept.any-method',
    level: 'SHOULD',
    keyword: 'SHOULD',
    polarity: 'accept',
    area: 'did',
    kinds: ['did'],
    summary:
      'DIDs with methods other than plc and web (`did:key`, `did:example`, ...) are valid syntax.',
    source: spec(
      LEXICON_SPEC,
      'data with any kind of DID in a `did` format string field should pass Lexicon validation, with unsupported DID methods being raised separately as an application error.',
    ),
    likelyCause: 'only did:plc and did:web are accepted (a resolution rule, not syntax)',
  },
  {
    id: 'did.accept.colons',
    level: 'MUST',
    keyword: 'MAY',
    polarity: 'accept',
    area: 'did',
    kinds: ['did'],
    summary: 'Colons inside the identifier, even in a row (`did:method::::val`), are valid.',
    source: spec(
      DID_SPEC,
      'The remainder of the URI (the identifier) may contain any of the above-allowed ASCII characters',
    ),
    likelyCause: 'colons inside the identifier are refused',
  },
  {
    id: 'did.accept.percent-encoding',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'accept',
    area: 'did',
    kinds: ['did'],
    summary: 'A `%` followed by two hex digits (either case) inside the identifier is valid.',
    source: spec(
      DID_SPEC,
      'Percent-sign (`%`) is used for "percent encoding" in the identifier section, and must always be followed by two hex characters',
    ),
    likelyCause: '`%` is refused, or percent-encoding is decoded and checked',
  },
  {
    id: 'did.accept.case-sensitive-identifier',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'accept',
    area: 'did',
    kinds: ['did'],
    summary: 'Upper-case letters in the identifier are valid (`did:method:VAL`).',
    source: spec(DID_SPEC, 'The URI is case-sensitive'),
    likelyCause: 'the identifier is required to be lower case',
  },
  {
    id: 'did.accept.length-limit',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'accept',
    area: 'did',
    kinds: ['did'],
    summary: 'DIDs up to exactly 2048 characters are valid.',
    source: spec(
      DID_SPEC,
      'in the context of atproto, there is a current hard limit of 2048 characters.',
    ),
    likelyCause: 'the 2048-character limit is off by one, or a shorter limit applies',
  },
  {
    id: 'did.accept.plc-any-length',
    level: 'SHOULD',
    keyword: 'SHOULD',
    polarity: 'accept',
    area: 'did',
    kinds: ['did'],
    summary:
      'A did:plc of the wrong length or alphabet is still valid DID syntax (it fails resolution, not syntax).',
    source: spec(
      DID_SPEC,
      'implementations should distinguish between at least the distinct cases "invalid DID syntax", "unsupported DID method" and "supported DID method, but specific DID resolution failed".',
    ),
    likelyCause: 'did:plc is checked for its 24-character base32 form at syntax level',
  },
  {
    id: 'did.accept.web-localhost-port',
    level: 'MUST',
    keyword: 'MAY',
    polarity: 'accept',
    area: 'did',
    kinds: ['did'],
    summary: 'A did:web with a hex-encoded port (`did:web:localhost%3A2583`) is valid syntax.',
    source: spec(
      DID_SPEC,
      'Port numbers (with separating colon hex-encoded) are only allowed for `localhost`, and only in testing and development.',
    ),
    likelyCause: '`%3A` is refused in did:web identifiers',
  },
] as const satisfies readonly Rule[];

/**
 * Method policy. These are not syntax rules: a validator of the Lexicon `did` format must accept
 * values that break them. Live mode checks them on the DID a server returns.
 */
export const DID_POLICY_RULES = [
  {
    id: 'did.plc.identifier-format',
    level: 'SHOULD',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'did-policy',
    kinds: ['live'],
    summary: 'A did:plc identifier is exactly 24 characters of base32 `[a-z2-7]`.',
    source: spec(
      PLC_SPEC,
      'The identifier part is 24 characters long, including only characters from the `base32` encoding set.',
    ),
  },
  {
    id: 'did.web.hostname-only',
    level: 'SHOULD',
    keyword: 'MUST NOT',
    polarity: 'reject',
    area: 'did-policy',
    kinds: ['live'],
    summary: 'A did:web names a hostname only, with no path (no `:` after the host).',
    source: spec(
      DID_SPEC,
      'In the context of atproto, only hostname-level `did:web` DIDs are supported: path-based DIDs are not supported.',
    ),
  },
  {
    id: 'did.web.port-localhost-only',
    level: 'SHOULD',
    keyword: 'MUST NOT',
    polarity: 'reject',
    area: 'did-policy',
    kinds: ['live'],
    summary: 'A did:web carries a port (`%3A`) only for `localhost`.',
    source: spec(
      DID_SPEC,
      'Port numbers (with separating colon hex-encoded) are only allowed for `localhost`, and only in testing and development.',
    ),
  },
] as const satisfies readonly Rule[];
