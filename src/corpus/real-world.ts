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
];
