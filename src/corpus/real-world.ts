import type { ValidatorKind } from '../spec/index.js';
import { BASE, PLC } from './edges.js';

/*
 * Counterexamples found on real implementations: what they answered, and the right answer
 * (re-certified through the oracle by suites/unit/spec/real-world.test.ts). They also run as
 * explicit examples of the rules they are about.
 */

export interface RealWorldCounterexample {
  readonly kind: ValidatorKind;
  readonly value: unknown;
  /** The right verdict. */
  readonly valid: boolean;
  /** Which kind of implementation got it wrong, and how. */
  readonly found: string;
  readonly cause: string;
}

export const REAL_WORLD_COUNTEREXAMPLES: readonly RealWorldCounterexample[] = [
  {
    kind: 'session',
    value: { ...BASE, email: null, status: null },
    valid: false,
    found: 'pydantic models with Optional fields accept null for optional fields',
    cause: 'null is read as an absent optional (Optional[str] = None)',
  },
  {
    kind: 'session',
    value: { handle: BASE.handle, did: PLC },
    valid: false,
    found: 'a Go struct decoded with encoding/json gives missing tokens their zero value ""',
    cause: 'a missing field is zero-valued instead of refused',
  },
  {
    kind: 'handle',
    value: 'alice.test\n',
    valid: false,
    found: 'a handle regex ending in `$` (Python re, PCRE) lets a trailing newline through',
    cause: 'a regex `$` lets a trailing newline through; match the whole string (\\z, fullmatch)',
  },
  {
    kind: 'did',
    value: `${PLC}\n`,
    valid: false,
    found: 'a DID regex ending in `$` lets a trailing newline through',
    cause: 'a regex `$` lets a trailing newline through; match the whole string (\\z, fullmatch)',
  },
  {
    kind: 'did',
    value: 'did::abc',
    valid: false,
    found: 'a DID parser splitting on `:` accepts an empty method',
    cause: 'the method is split out but not checked to be one or more lowercase letters',
  },
  {
    kind: 'handle',
    value: '\u212Aelvin.test',
    valid: false,
    found: 'Unicode-aware lower-casing before the ASCII check turns the Kelvin sign into `k`',
    cause: 'the handle is lower-cased with Unicode rules (K U+212A becomes k) before validation',
  },
  {
    kind: 'session',
    value: { ...BASE, active: false },
    valid: true,
    found: 'a decoder that reads `status` whenever `active` is false crashes on a missing status',
    cause: 'status is assumed present when active is false; the lexicon makes it optional',
  },
  {
    kind: 'session',
    value: { ...BASE, didDoc: 'did-document' },
    valid: false,
    found: 'session structs that type didDoc as a string (or as any JSON value) accept a string',
    cause: 'didDoc is declared as a string or an untyped value instead of an object',
  },
  {
    kind: 'session',
    value: { ...BASE, didDoc: { id: PLC, alsoKnownAs: ['at://alice.test'] } },
    valid: true,
    found: 'session structs that type didDoc as a string reject a real DID document',
    cause: 'didDoc is declared as a string; the lexicon says unknown (any object)',
  },
  {
    kind: 'did',
    value: 'did:::x',
    valid: false,
    found: 'a DID check that tests every method character (true for none) accepts an empty method',
    cause: 'an "all characters are lowercase" test is true for the empty method',
  },
  {
    kind: 'session',
    value: { ...BASE, active: 'yes', status: 5, emailAuthFactor: 'x' },
    valid: false,
    found: 'session structs without active, status or emailAuthFactor ignore them with any type',
    cause: 'a field the struct does not declare is never type-checked',
  },
  {
    kind: 'session',
    value: ['a', 'r', BASE.handle, PLC, null, null, null],
    valid: false,
    found: 'serde-derived structs decode a JSON array of the fields in declaration order',
    cause: 'a JSON array is decoded positionally into the struct (serde visit_seq)',
  },
  {
    kind: 'session',
    value: { accessJwt: null, refreshJwt: null, handle: null, did: null },
    valid: false,
    found: 'Go structs with plain string fields take null as "no change" and keep ""',
    cause: 'null into a non-pointer field is a no-op, so required fields stay zero-valued',
  },
  {
    kind: 'session',
    value: { ...BASE, accessJwt: 'opaque-token' },
    valid: true,
    found: 'clients that decode the access token as a JWT fail on an opaque token',
    cause: 'tokens are parsed as JWTs; the spec says clients treat them as opaque',
  },
];
