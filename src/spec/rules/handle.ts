import { type Rule, spec } from './types.js';

const HANDLE_SPEC = 'https://atproto.com/specs/handle';
const LEXICON_SPEC = 'https://atproto.com/specs/lexicon';

/** Handle syntax (https://atproto.com/specs/handle, "Handle Identifier Syntax"). */
export const HANDLE_RULES = [
  {
    id: 'handle.type.string',
    level: 'MUST',
    polarity: 'reject',
    area: 'handle',
    kinds: ['handle'],
    summary: 'A handle is a string; numbers, booleans, null, arrays and objects are invalid.',
    source: spec(LEXICON_SPEC, 'Lexicon string format type: `handle`'),
  },
  {
    id: 'handle.chars.allowed',
    level: 'MUST',
    polarity: 'reject',
    area: 'handle',
    kinds: ['handle'],
    summary: 'Only ASCII letters, digits, hyphens and periods may appear in a handle.',
    source: spec(
      HANDLE_SPEC,
      'The allowed characters are ASCII letters (`a-z`), digits (`0-9`), and hyphens (`-`).',
    ),
  },
  {
    id: 'handle.chars.no-whitespace-control',
    level: 'MUST',
    polarity: 'reject',
    area: 'handle',
    kinds: ['handle'],
    summary: 'No whitespace, null bytes, joining or control characters, anywhere in the handle.',
    source: spec(
      HANDLE_SPEC,
      'no whitespace, null bytes, joining characters, or other ASCII control characters are allowed in the handle, including as prefix/suffix.',
    ),
  },
  {
    id: 'handle.length.max',
    level: 'MUST',
    polarity: 'reject',
    area: 'handle',
    kinds: ['handle'],
    summary: 'A handle is at most 253 characters long.',
    source: spec(
      HANDLE_SPEC,
      'The overall handle must contain only ASCII characters, and can be at most 253 characters long',
    ),
  },
  {
    id: 'handle.labels.min-two',
    level: 'MUST',
    polarity: 'reject',
    area: 'handle',
    kinds: ['handle'],
    summary: 'A handle has at least two labels: bare top-level domains are not handles.',
    source: spec(
      HANDLE_SPEC,
      'there must be at least two segments. That is, "bare" top-level domains are not allowed as handles',
    ),
  },
  {
    id: 'handle.label.non-empty',
    level: 'MUST',
    polarity: 'reject',
    area: 'handle',
    kinds: ['handle'],
    summary: 'No label is empty: no leading period and no two periods in a row.',
    source: spec(
      HANDLE_SPEC,
      'Each segment must have at least 1 and at most 63 characters (not including the periods).',
    ),
  },
  {
    id: 'handle.label.no-trailing-dot',
    level: 'MUST',
    polarity: 'reject',
    area: 'handle',
    kinds: ['handle'],
    summary: 'A handle does not end with a period ("trailing dot" DNS syntax).',
    source: spec(HANDLE_SPEC, '"Trailing dot" syntax for DNS names is not allowed for handles.'),
  },
  {
    id: 'handle.label.max-length',
    level: 'MUST',
    polarity: 'reject',
    area: 'handle',
    kinds: ['handle'],
    summary: 'Each label is at most 63 characters long.',
    source: spec(
      HANDLE_SPEC,
      'Each segment must have at least 1 and at most 63 characters (not including the periods).',
    ),
  },
  {
    id: 'handle.label.hyphen-edges',
    level: 'MUST',
    polarity: 'reject',
    area: 'handle',
    kinds: ['handle'],
    summary: 'No label starts or ends with a hyphen.',
    source: spec(HANDLE_SPEC, 'Segments can not start or end with a hyphen'),
  },
  {
    id: 'handle.tld.starts-with-letter',
    level: 'MUST',
    polarity: 'reject',
    area: 'handle',
    kinds: ['handle'],
    summary: 'The last label (the TLD) starts with a letter, so IPv4 addresses are not handles.',
    source: spec(
      HANDLE_SPEC,
      'The last segment (the "top level domain") can not start with a numeric digit',
    ),
  },
  // Must-accept rules: each names a class of valid handles that over-strict validators reject.
  {
    id: 'handle.accept.syntax',
    level: 'MUST',
    polarity: 'accept',
    area: 'handle',
    kinds: ['handle'],
    summary: 'Every string that follows the handle syntax is accepted.',
    source: spec(
      HANDLE_SPEC,
      'A reference regular expression (regex) for the handle syntax is: /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/',
    ),
  },
  {
    id: 'handle.accept.case-insensitive',
    level: 'MUST',
    polarity: 'accept',
    area: 'handle',
    kinds: ['handle'],
    summary: 'Upper-case and mixed-case handles are valid syntax.',
    source: spec(
      HANDLE_SPEC,
      'Handles are not case-sensitive, and should be normalized to lowercase (that is, normalize ASCII `A-Z` to `a-z`)',
    ),
  },
  {
    id: 'handle.accept.length-limits',
    level: 'MUST',
    polarity: 'accept',
    area: 'handle',
    kinds: ['handle'],
    summary:
      'Handles of up to 253 characters, with labels of exactly 1 or 63 characters, are valid.',
    source: spec(
      HANDLE_SPEC,
      'Each segment must have at least 1 and at most 63 characters (not including the periods).',
    ),
  },
  {
    id: 'handle.accept.one-char-tld',
    level: 'MUST',
    polarity: 'accept',
    area: 'handle',
    kinds: ['handle'],
    summary: 'A one-character top-level domain (for example `example.t`) is valid syntax.',
    source: spec(HANDLE_SPEC, 'example.t        // not a real TLD, but syntax ok'),
  },
  {
    id: 'handle.accept.numeric-label',
    level: 'MUST',
    polarity: 'accept',
    area: 'handle',
    kinds: ['handle'],
    summary: 'Labels other than the last may be all digits or start with a digit (`8.cn`).',
    source: spec(
      HANDLE_SPEC,
      'Modern "hostnames" (and thus handles) allow ASCII digits in most positions, with the exception that the last segment (top-level domain, TLD) cannot start with a digit.',
    ),
  },
  {
    id: 'handle.accept.inner-hyphens',
    level: 'MUST',
    polarity: 'accept',
    area: 'handle',
    kinds: ['handle'],
    summary: 'Hyphens inside a label, even several in a row (`name.t--t`), are valid.',
    source: spec(HANDLE_SPEC, 'name.t--t        // not a real TLD, but syntax ok'),
  },
  {
    id: 'handle.accept.punycode',
    level: 'MUST',
    polarity: 'accept',
    area: 'handle',
    kinds: ['handle'],
    summary: 'Punycode (`xn--`) labels are valid, whether or not they decode to a real IDN.',
    source: spec(
      HANDLE_SPEC,
      'Handles that "look like" IDNs, but do not parse as valid IDNs, are valid handles',
    ),
  },
  {
    id: 'handle.accept.disallowed-tld',
    level: 'MUST',
    polarity: 'accept',
    area: 'handle',
    kinds: ['handle'],
    summary:
      'Handles under the disallowed TLDs (.alt .arpa .example .internal .invalid .local .localhost .onion) pass syntax validation.',
    source: spec(
      HANDLE_SPEC,
      '"Reserved" top-level domains should not fail syntax validation (eg, in atproto Lexicon validation), but they must immediately fail any attempt at registration, resolution, etc.',
    ),
  },
  {
    id: 'handle.accept.handle-invalid',
    level: 'MUST',
    polarity: 'accept',
    area: 'handle',
    kinds: ['handle'],
    summary: 'The special value `handle.invalid` is valid handle syntax.',
    source: spec(
      HANDLE_SPEC,
      'This value is syntactically valid in the Lexicon schema language, but should not be accepted as a valid handle in most contexts.',
    ),
  },
] as const satisfies readonly Rule[];
