import fc from 'fast-check';
import { MAX_DID_LENGTH } from '../../src/spec/did.js';
import { BASE32, charOf, stringOf, UPPER } from './chars.js';
import {
  colonRun,
  didOfLength,
  genericDid,
  idChar,
  identifier,
  localhostDid,
  method,
  percentTriplet,
  plcDid,
  webDid,
} from './didParts.js';

/**
 * A class of valid DIDs; `plc` and `web` are the blessed methods as a server issues them, the
 * others each match one `did.accept.*` rule.
 * @public
 */
export type DidTrait =
  | 'plc'
  | 'web'
  | 'any-method'
  | 'colons'
  | 'percent-encoding'
  | 'case-sensitive-identifier'
  | 'length-limit'
  | 'plc-any-length'
  | 'web-localhost-port';

/** @public */
export const DID_TRAITS: readonly DidTrait[] = [
  'plc',
  'web',
  'any-method',
  'colons',
  'percent-encoding',
  'case-sensitive-identifier',
  'length-limit',
  'plc-any-length',
  'web-localhost-port',
];

/** @public */
export interface DidConstraints {
  /** Only DIDs of this class (default: any valid DID, biased to the edge cases). */
  readonly trait?: DidTrait;
}

const idPrefix = fc.string({ unit: idChar, maxLength: 8 });

/** did:plc of the wrong length, or of 24 characters outside the base32 alphabet. */
const plcAnyLength: fc.Arbitrary<string> = fc
  .oneof(
    stringOf(BASE32, 1, 23),
    stringOf(BASE32, 25, 64),
    fc.tuple(stringOf(BASE32, 24, 24), fc.nat(), charOf(`${UPPER}0189._-`)).map(([id, n, c]) => {
      const at = n % id.length;
      return id.slice(0, at) + c + id.slice(at + 1);
    }),
  )
  .map((id) => `did:plc:${id}`);

const TRAITS: Readonly<Record<DidTrait, fc.Arbitrary<string>>> = {
  plc: plcDid,
  web: webDid,
  'any-method': fc
    .tuple(
      method.map((m) => (m === 'plc' || m === 'web' ? `${m}x` : m)),
      identifier(),
    )
    .map(([m, id]) => `did:${m}:${id}`),
  colons: fc
    .tuple(method, idPrefix, colonRun, identifier(8))
    .map(([m, pre, colons, id]) => `did:${m}:${pre}${colons}${id}`),
  'percent-encoding': fc.oneof(
    fc
      .tuple(method, idPrefix, percentTriplet, identifier(8))
      .map(([m, pre, pct, id]) => `did:${m}:${pre}${pct}${id}`),
    localhostDid,
  ),
  'case-sensitive-identifier': fc
    .tuple(method, idPrefix, charOf(UPPER), identifier(8))
    .map(([m, pre, up, id]) => `did:${m}:${pre}${up}${id}`),
  'length-limit': didOfLength(
    fc.oneof(
      fc.constant(MAX_DID_LENGTH),
      fc.integer({ min: MAX_DID_LENGTH - 47, max: MAX_DID_LENGTH }),
    ),
  ),
  'plc-any-length': plcAnyLength,
  'web-localhost-port': localhostDid,
};

/**
 * Valid DIDs, built valid (never filtered): did:plc (24 characters of base32), did:web (hostnames
 * and `localhost%3A<port>`), any other method, colons inside the identifier (`::::`),
 * percent-encoding in either case, upper-case identifiers, lengths up to exactly 2048, and
 * did:plc of the wrong length (valid syntax, it only fails resolution).
 *
 * @remarks https://atproto.com/specs/did ("DID Identifier Syntax")
 * @public
 */
export function did(constraints: DidConstraints = {}): fc.Arbitrary<string> {
  const { trait } = constraints;
  if (trait !== undefined) return TRAITS[trait];
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: plcDid, weight: 4 },
    { arbitrary: webDid, weight: 2 },
    { arbitrary: genericDid, weight: 2 },
    ...Object.entries(TRAITS)
      .filter(([t]) => t !== 'plc' && t !== 'web')
      .map(([, arb]) => arb),
  );
}
