import fc from 'fast-check';
import { MAX_HANDLE_LENGTH, MAX_LABEL_LENGTH } from '../../src/spec/handle.js';
import type { HANDLE_RULES, HandleRuleId } from '../../src/spec/rules/index.js';
import { charOf, DIGITS, insertAt, pick } from './chars.js';
import { applyCase, assembleHandle, caseArbitrary, fillHandle } from './handleAssembly.js';
import { digitLabel, edgeLabel, edgeTld, ldhLabel } from './handleLabels.js';
import { shortHandle } from './handlePlans.js';
import { notAString } from './json.js';
import type { JsonValue, Labelled } from './types.js';

/*
 * One arbitrary per handle rule a validator must enforce. Each value is a valid short handle with
 * one mutation, rebuilt by a `map` from the base, so every shrink keeps the violation. A few values
 * break more than one rule by nature (the empty string has no label at all); their labels list
 * every rule the value breaks.
 */

/** @internal The handle rules with polarity `reject`. */
export type HandleRejectRuleId = Extract<
  (typeof HANDLE_RULES)[number],
  { polarity: 'reject' }
>['id'];

function labelled<R extends HandleRuleId>(value: JsonValue, ...violates: R[]): Labelled<R> {
  return { value, violates };
}

/** Where the TLD starts: a character inserted there would be the TLD's first character. */
function tldStart(h: string): number {
  return h.lastIndexOf('.') + 1;
}

/** Indexes where a label starts (0 and after each period). */
function labelStarts(h: string): number[] {
  const out = [0];
  for (let i = 0; i < h.length; i++) if (h[i] === '.') out.push(i + 1);
  return out;
}

/** Indexes just after a label ends (each period, and the end). */
function labelEnds(h: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < h.length; i++) if (h[i] === '.') out.push(i);
  out.push(h.length);
  return out;
}

/** Printable ASCII punctuation and non-ASCII letters, digits and symbols: none is whitespace. */
const DISALLOWED_CHARS = [...'!"#$%&\'()*+,/:;<=>?@[\\]^_`{|}~', ...'éüßøıİſ\u212aаｅ٣中ñ😀🦋'];

/** Whitespace, control, format (joiners, BOM) and separator characters. */
const WHITESPACE_CONTROL_CHARS = [
  ...' \t\n\r\v\f\0\u0001\u001f\u007f\u0085\u00a0\u00ad\u1680\u180e\u2000\u200a',
  ...'\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff',
];

const casedLabel = fc
  .tuple(fc.oneof(edgeLabel, digitLabel), caseArbitrary(['lower', 'upper']))
  .map(([label, [mode, mask]]) => applyCase(label, mode, mask));

const typeString = notAString(shortHandle, 'handle').map((v) => labelled(v, 'handle.type.string'));

// Characters that leak through common regex mistakes (`\w`, Unicode classes, case folding).
const REGEX_LEAKS = ['_', 'é', '\u212A', 'ı', 'ſ'];

const charsAllowed = fc
  .tuple(
    shortHandle,
    fc.nat(),
    fc.oneof(
      { arbitrary: fc.constantFrom(...REGEX_LEAKS), weight: 2 },
      { arbitrary: fc.constantFrom(...DISALLOWED_CHARS), weight: 3 },
    ),
  )
  .map(([h, n, ch]) => {
    const start = tldStart(h);
    const spots = [...h].flatMap((c, i) => (c !== '.' && i !== start ? [i] : []));
    const at = pick(spots, n);
    return labelled(h.slice(0, at) + ch + h.slice(at + 1), 'handle.chars.allowed');
  });

const noWhitespace = fc.oneof(
  // Exactly one trailing `\n`: Python's and PCRE's `$` match before it, JS's does not.
  {
    arbitrary: shortHandle.map((h) => labelled(`${h}\n`, 'handle.chars.no-whitespace-control')),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(
        shortHandle,
        fc.oneof(fc.constant(-1), fc.constant(-2), fc.nat()),
        fc.constantFrom(...WHITESPACE_CONTROL_CHARS),
      )
      .map(([h, n, ch]) => {
        // -1: trailing (`\n` is where JS `$` and PCRE `$` differ); -2: leading.
        const spots = [...Array(h.length + 1).keys()].filter((i) => i !== tldStart(h));
        const at = n === -1 ? h.length : n === -2 ? 0 : pick(spots, n);
        return labelled(insertAt(h, at, ch), 'handle.chars.no-whitespace-control');
      }),
    weight: 3,
  },
);

const lengthMax = fc
  .record(
    {
      extra: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 300 }),
      ),
      fill: ldhLabel(1, MAX_LABEL_LENGTH),
      tld: edgeTld,
      casing: caseArbitrary(['lower', 'upper', 'mixed']),
    },
    { noNullPrototype: true },
  )
  .map(({ extra, fill, tld, casing: [mode, mask] }) =>
    labelled(
      applyCase(fillHandle(MAX_HANDLE_LENGTH + 1 + extra, fill, tld), mode, mask),
      'handle.length.max',
    ),
  );

const minTwo = fc.oneof(
  { arbitrary: casedLabel.map((l) => labelled(l, 'handle.labels.min-two')), weight: 4 },
  fc
    .constantFrom('localhost', 'com', 'invalid', 'xn--ls8h')
    .map((l) => labelled(l, 'handle.labels.min-two')),
  fc.constant(labelled('', 'handle.labels.min-two', 'handle.label.non-empty')),
);

const nonEmpty = fc
  .tuple(shortHandle, fc.nat())
  .map(([h, n]) => labelled(insertAt(h, pick(labelStarts(h), n), '.'), 'handle.label.non-empty'));

const noTrailingDot = fc.oneof(
  {
    arbitrary: shortHandle.map((h) => labelled(`${h}.`, 'handle.label.no-trailing-dot')),
    weight: 3,
  },
  casedLabel.map((l) => labelled(`${l}.`, 'handle.labels.min-two', 'handle.label.no-trailing-dot')),
);

// Exactly one over the limit half the time: off-by-one bugs live there.
const longLabel = fc.oneof(
  ldhLabel(MAX_LABEL_LENGTH + 1, MAX_LABEL_LENGTH + 1),
  ldhLabel(MAX_LABEL_LENGTH + 2, 100),
);
const maxLength = fc.oneof(
  fc
    .tuple(shortHandle, longLabel, fc.nat())
    .map(([h, long, n]) =>
      labelled(insertAt(h, pick(labelStarts(h), n), `${long}.`), 'handle.label.max-length'),
    ),
  fc
    .tuple(shortHandle, longLabel)
    .map(([h, long]) =>
      labelled(`${h.slice(0, tldStart(h))}t${long.slice(1)}`, 'handle.label.max-length'),
    ),
);

const hyphenEdges = fc
  .tuple(shortHandle, fc.nat(), fc.constantFrom('start', 'end', 'end', 'tld-start'))
  .map(([h, n, where]) => {
    if (where === 'tld-start') {
      return labelled(
        insertAt(h, tldStart(h), '-'),
        'handle.label.hyphen-edges',
        'handle.tld.starts-with-letter',
      );
    }
    const spots =
      where === 'start' ? labelStarts(h).filter((i) => i !== tldStart(h)) : labelEnds(h);
    return labelled(insertAt(h, pick(spots, n), '-'), 'handle.label.hyphen-edges');
  });

const digitTld = fc.tuple(charOf(DIGITS), ldhLabel(0, 19)).map(([d, rest]) => `${d}${rest}`);
const ipv4 = fc
  .tuple(
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
  )
  .map((parts) => parts.join('.'));
const tldStartsWithLetter = fc.oneof(
  fc
    .tuple(
      fc.array(ldhLabel(1, 20), { minLength: 1, maxLength: 3 }),
      digitTld,
      caseArbitrary(['lower', 'upper']),
    )
    .map(([labels, tld, [mode, mask]]) =>
      labelled(
        applyCase(assembleHandle({ labels, tld }), mode, mask),
        'handle.tld.starts-with-letter',
      ),
    ),
  ipv4.map((ip) => labelled(ip, 'handle.tld.starts-with-letter')),
);

/** @internal */
export const INVALID_HANDLE_CASES: Readonly<
  Record<HandleRejectRuleId, fc.Arbitrary<Labelled<HandleRuleId>>>
> = {
  'handle.type.string': typeString,
  'handle.chars.allowed': charsAllowed,
  'handle.chars.no-whitespace-control': noWhitespace,
  'handle.length.max': lengthMax,
  'handle.labels.min-two': minTwo,
  'handle.label.non-empty': nonEmpty,
  'handle.label.no-trailing-dot': noTrailingDot,
  'handle.label.max-length': maxLength,
  'handle.label.hyphen-edges': hyphenEdges,
  'handle.tld.starts-with-letter': tldStartsWithLetter,
};
