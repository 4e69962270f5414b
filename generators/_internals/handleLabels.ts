import fc from 'fast-check';
import { DISALLOWED_TLDS, MAX_LABEL_LENGTH } from '../../src/spec/handle.js';
import { charOf, DIGITS, LOWER } from './chars.js';

/*
 * Handle labels (https://atproto.com/specs/handle): 1 to 63 ASCII letters, digits and hyphens, not
 * starting or ending with a hyphen; the last label (TLD) starts with a letter. Labels are built
 * lowercase; case is applied to the whole handle afterwards.
 */

// One draw per character (labels can be 63 long): letters weigh most, hyphens a little.
const ldhChar = charOf(`${LOWER}${LOWER}${DIGITS}--`);
const alnumChar = charOf(`${LOWER}${LOWER}${DIGITS}`);

/** @internal Replaces a hyphen at either edge, so any LDH string becomes a valid label. */
export function fixEdges(s: string): string {
  let out = s;
  if (out.startsWith('-')) out = `x${out.slice(1)}`;
  if (out.endsWith('-')) out = `${out.slice(0, -1)}x`;
  return out;
}

/** @internal Valid labels of a length in [min, max]; the length never shrinks below `min`. */
export function ldhLabel(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: ldhChar, minLength, maxLength }).map(fixEdges);
}

/** @internal Valid labels biased to the length limits (exactly 1 and exactly 63). */
export const edgeLabel: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: ldhLabel(1, 12), weight: 4 },
  ldhLabel(1, 1),
  ldhLabel(MAX_LABEL_LENGTH, MAX_LABEL_LENGTH),
  ldhLabel(1, MAX_LABEL_LENGTH),
);

/** @internal All-digit labels (valid anywhere but in the TLD). */
export const digitLabel: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: charOf(DIGITS), minLength: 1, maxLength: 4 }),
  fc.string({ unit: charOf(DIGITS), minLength: 1, maxLength: MAX_LABEL_LENGTH }),
);

/** @internal `xn--` labels, whether or not they decode to a real IDN. */
export const punycodeLabel: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('xn--ls8h', 'xn--p1ai', 'xn--80ak6aa92e', 'xn--bcher-kva', 'xn--xn--'),
  ldhLabel(1, MAX_LABEL_LENGTH - 4).map((rest) => fixEdges(`xn--${rest}`)),
);

/** @internal Labels with one to three hyphens in a row inside (`t--t`). */
export const innerHyphenLabel: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ unit: alnumChar, minLength: 1, maxLength: 30 }),
    fc.integer({ min: 1, max: 3 }),
    fc.string({ unit: alnumChar, minLength: 1, maxLength: 29 }),
  )
  .map(([a, n, b]) => `${a}${'-'.repeat(n)}${b}`);

/** @internal TLDs with inner hyphens: a letter first, then `--`. */
export const innerHyphenTld: fc.Arbitrary<string> = fc
  .tuple(charOf(LOWER), innerHyphenLabel)
  .map(([first, rest]) => `${first}${rest}`);

/** @internal Any valid TLD: a letter, then LDH characters, not ending with a hyphen. */
export const anyTld: fc.Arbitrary<string> = fc
  .tuple(charOf(LOWER), fc.string({ unit: ldhChar, maxLength: MAX_LABEL_LENGTH - 1 }))
  .map(([first, rest]) => fixEdges(`${first}${rest}`));

/** @internal The disallowed TLDs, without their leading period. */
export const disallowedTld: fc.Arbitrary<string> = fc.constantFrom(
  ...DISALLOWED_TLDS.map((t) => t.slice(1)),
);

/** @internal Common TLDs, one-character ones, and arbitrary valid ones. */
export const edgeTld: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('com', 'social', 'test', 'app', 'dev', 'net', 'org'), weight: 3 },
  charOf(LOWER),
  { arbitrary: anyTld, weight: 2 },
);
