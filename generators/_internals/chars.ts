import fc from 'fast-check';

/** @internal */
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
/** @internal */
export const UPPER = LOWER.toUpperCase();
/** @internal */
export const DIGITS = '0123456789';
/** @internal Hex digits of both cases: percent-encoding may use either. */
export const HEX = '0123456789abcdefABCDEF';
/** @internal The did:plc alphabet (base32, lowercase). */
export const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** @internal */
export const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** @internal */
export const BASE64URL = `${UPPER}${LOWER}${DIGITS}-_`;
/** @internal Standard base64 without padding (the refresh token `jti`). */
export const BASE64 = `${UPPER}${LOWER}${DIGITS}+/`;

/** @internal One character of `chars`; shrinks towards the first one. */
export function charOf(chars: string): fc.Arbitrary<string> {
  return fc.constantFrom(...chars);
}

/** @internal A string of characters of `chars`. */
export function stringOf(
  chars: string,
  minLength: number,
  maxLength: number,
): fc.Arbitrary<string> {
  return fc.string({ unit: charOf(chars), minLength, maxLength });
}

/** @internal Inserts `insert` into `s` before index `at`. */
export function insertAt(s: string, at: number, insert: string): string {
  return s.slice(0, at) + insert + s.slice(at);
}

/** @internal Picks an element of a non-empty list from any natural number (shrinks to the first). */
export function pick<T>(items: readonly T[], n: number): T {
  const item = items[n % items.length];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/** @internal Upper-cases ASCII letters only. */
export function upperAscii(s: string): string {
  return s.replace(/[a-z]/g, (c) => c.toUpperCase());
}
