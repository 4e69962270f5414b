import { HANDLE_SPEC, LEXICON_SPEC } from './sources.js';
import { type Rule, ruleBuilder, spec } from './types.js';

const handleRule = ruleBuilder('handle', ['handle']);

/** Handle syntax (https://atproto.com/specs/handle, "Handle Identifier Syntax"). */
export const HANDLE_RULES = [
  handleRule({
    id: 'handle.type.string',
    keyword: 'lexicon',
    polarity: 'reject',
    summary: 'A handle is a string; numbers, booleans, null, arrays and objects are invalid.',
    source: spec(LEXICON_SPEC, 'Lexicon string format type: `handle`'),
    likelyCause: 'the value is converted to a string (String(x)) or not type-checked first',
  }),
  handleRule({
    id: 'handle.chars.allowed',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'Only ASCII letters, digits, hyphens and periods may appear in a handle.',
    source: spec(
      HANDLE_SPEC,
      'The allowed characters are ASCII letters (`a-z`), digits (`0-9`), and hyphens (`-`).',
    ),
    likelyCause:
      'the character class is wider than [a-zA-Z0-9.-] (\\w, Unicode letters, or lower-casing K to k first)',
  }),
  handleRule({
    id: 'handle.chars.no-whitespace-control',
    keyword: 'MUST NOT',
    polarity: 'reject',
    summary: 'No whitespace, null bytes, joining or control characters, anywhere in the handle.',
    source: spec(
      HANDLE_SPEC,
      'no whitespace, null bytes, joining characters, or other ASCII control characters are allowed in the handle, including as prefix/suffix.',
    ),
    likelyCause:
      'the input is trimmed, or a regex `$` lets a trailing newline through (match the whole string)',
  }),
  handleRule({
    id: 'handle.length.max',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'A handle is at most 253 characters long.',
    source: spec(
      HANDLE_SPEC,
      'The overall handle must contain only ASCII characters, and can be at most 253 characters long',
    ),
    likelyCause: 'the 253-character limit is missing or off by one',
  }),
  handleRule({
    id: 'handle.labels.min-two',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'A handle has at least two labels: bare top-level domains are not handles.',
    source: spec(
      HANDLE_SPEC,
      'there must be at least two segments. That is, "bare" top-level domains are not allowed as handles',
    ),
    likelyCause: 'a single label (a bare TLD) is accepted',
  }),
  handleRule({
    id: 'handle.label.non-empty',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'No label is empty: no leading period and no two periods in a row.',
    source: spec(
      HANDLE_SPEC,
      'Each segment must have at least 1 and at most 63 characters (not including the periods).',
    ),
    likelyCause: "empty labels are dropped (split('.').filter(Boolean)) instead of refused",
  }),
  handleRule({
    id: 'handle.label.no-trailing-dot',
    keyword: 'MUST NOT',
    polarity: 'reject',
    summary: 'A handle does not end with a period ("trailing dot" DNS syntax).',
    source: spec(HANDLE_SPEC, '"Trailing dot" syntax for DNS names is not allowed for handles.'),
    likelyCause: 'a trailing dot is stripped, as for DNS names',
  }),
  handleRule({
    id: 'handle.label.max-length',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'Each label is at most 63 characters long.',
    source: spec(
      HANDLE_SPEC,
      'Each segment must have at least 1 and at most 63 characters (not including the periods).',
    ),
    likelyCause: 'the 63-character label limit is missing or off by one',
  }),
  handleRule({
    id: 'handle.label.hyphen-edges',
    keyword: 'MUST NOT',
    polarity: 'reject',
    summary: 'No label starts or ends with a hyphen.',
    source: spec(HANDLE_SPEC, 'Segments can not start or end with a hyphen'),
    likelyCause: 'labels are not checked for a leading or trailing hyphen',
  }),
  handleRule({
    id: 'handle.tld.starts-with-letter',
    keyword: 'MUST NOT',
    polarity: 'reject',
    summary: 'The last label (the TLD) starts with a letter, so IPv4 addresses are not handles.',
    source: spec(
      HANDLE_SPEC,
      'The last segment (the "top level domain") can not start with a numeric digit',
    ),
    likelyCause: 'the TLD is not checked to start with a letter (IPv4 passes)',
  }),
  // Must-accept rules: each names a class of valid handles that over-strict validators reject.
  handleRule({
    id: 'handle.accept.syntax',
    keyword: 'MUST',
    polarity: 'accept',
    summary: 'Every string that follows the handle syntax is accepted.',
    source: spec(
      HANDLE_SPEC,
      'A reference regular expression (regex) for the handle syntax is: /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/',
    ),
    likelyCause: "the syntax check is stricter than the spec's regex",
  }),
  handleRule({
    id: 'handle.accept.case-insensitive',
    keyword: 'MUST',
    polarity: 'accept',
    summary: 'Upper-case and mixed-case handles are valid syntax.',
    source: spec(HANDLE_SPEC, 'Handles are not case-sensitive'),
    likelyCause: 'handles are required to be lower case',
  }),
  handleRule({
    id: 'handle.accept.length-limits',
    keyword: 'MUST',
    polarity: 'accept',
    summary:
      'Handles of up to 253 characters, with labels of exactly 1 or 63 characters, are valid.',
    source: spec(
      HANDLE_SPEC,
      'Each segment must have at least 1 and at most 63 characters (not including the periods).',
    ),
    likelyCause: 'the 253-character or 63-character limit is off by one',
  }),
  handleRule({
    id: 'handle.accept.one-char-tld',
    keyword: 'MUST',
    polarity: 'accept',
    summary: 'A one-character top-level domain (for example `example.t`) is valid syntax.',
    source: spec(HANDLE_SPEC, 'example.t        // not a real TLD, but syntax ok'),
    likelyCause: 'TLDs are required to have two or more characters',
  }),
  handleRule({
    id: 'handle.accept.numeric-label',
    keyword: 'MAY',
    polarity: 'accept',
    summary: 'Labels other than the last may be all digits or start with a digit (`8.cn`).',
    source: spec(
      HANDLE_SPEC,
      'Modern "hostnames" (and thus handles) allow ASCII digits in most positions, with the exception that the last segment (top-level domain, TLD) cannot start with a digit.',
    ),
    likelyCause: 'labels are required to start with a letter',
  }),
  handleRule({
    id: 'handle.accept.inner-hyphens',
    keyword: 'MUST',
    polarity: 'accept',
    summary: 'Hyphens inside a label, even several in a row (`name.t--t`), are valid.',
    source: spec(HANDLE_SPEC, 'name.t--t        // not a real TLD, but syntax ok'),
    likelyCause: 'double hyphens are refused, as IDNA checks do',
  }),
  handleRule({
    id: 'handle.accept.punycode',
    keyword: 'MUST',
    polarity: 'accept',
    summary: 'Punycode (`xn--`) labels are valid, whether or not they decode to a real IDN.',
    source: spec(
      HANDLE_SPEC,
      'Handles that "look like" IDNs, but do not parse as valid IDNs, are valid handles',
    ),
    likelyCause: '`xn--` labels are decoded or checked as IDNs',
  }),
  handleRule({
    id: 'handle.accept.disallowed-tld',
    keyword: 'SHOULD NOT',
    polarity: 'accept',
    summary:
      'Handles under the disallowed TLDs (.alt .arpa .example .internal .invalid .local .localhost .onion) pass syntax validation.',
    source: spec(
      HANDLE_SPEC,
      '"Reserved" top-level domains should not fail syntax validation (eg, in atproto Lexicon validation), but they must immediately fail any attempt at registration, resolution, etc.',
    ),
    likelyCause: 'reserved TLDs are refused at syntax level (a registration rule)',
  }),
  handleRule({
    id: 'handle.accept.handle-invalid',
    keyword: 'MUST',
    polarity: 'accept',
    summary: 'The special value `handle.invalid` is valid handle syntax.',
    source: spec(HANDLE_SPEC, 'This value is syntactically valid in the Lexicon schema language'),
    likelyCause: '`handle.invalid` is refused at syntax level',
  }),
] as const satisfies readonly Rule[];
