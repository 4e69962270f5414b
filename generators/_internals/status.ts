import fc from 'fast-check';
import { jsonString } from './json.js';

/** The lexicon's `knownValues` for `status`. @public */
export const KNOWN_STATUSES: readonly string[] = ['takendown', 'suspended', 'deactivated'];

/** Other hosting statuses of the account spec. @public */
export const OTHER_ACCOUNT_STATUSES: readonly string[] = ['deleted', 'desynchronized', 'throttled'];

/** @public */
export interface StatusConstraints {
  /**
   * `known`: the lexicon's known values; `account`: every status of the account spec; `open`:
   * strings outside the known values; `any` (default): all of these.
   */
  readonly set?: 'known' | 'account' | 'open' | 'any';
}

const other = fc.oneof(
  fc.constantFrom(...OTHER_ACCOUNT_STATUSES),
  fc.constant(''),
  fc.constantFrom('active', 'Takendown', 'TAKENDOWN', 'takendown '),
  jsonString,
);

/**
 * Account `status` values. The field is an open set (`knownValues`, not `enum`), so every string
 * is valid: the known values, the other statuses of the account spec, the empty string and
 * arbitrary strings.
 *
 * @remarks https://atproto.com/specs/account ("Hosting Status")
 * @public
 */
export function status(constraints: StatusConstraints = {}): fc.Arbitrary<string> {
  const { set = 'any' } = constraints;
  const known = fc.constantFrom(...KNOWN_STATUSES);
  const account = fc.constantFrom(...KNOWN_STATUSES, ...OTHER_ACCOUNT_STATUSES);
  // A generated string that happens to be a known value is upper-cased: still outside the set.
  const open = other.map((s) => (KNOWN_STATUSES.includes(s) ? s.toUpperCase() : s));
  if (set === 'known') return known;
  if (set === 'account') return account;
  if (set === 'open') return open;
  return fc.oneof({ arbitrary: known, weight: 2 }, account, open);
}
