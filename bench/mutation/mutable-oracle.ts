import type { ValidatorKind } from '../../src/spec/rules/types.js';
import type { Bug } from './bugs.js';
import { didOk } from './mutable-did.js';
import { handleOk } from './mutable-handle.js';
import { sessionOk } from './mutable-session.js';

/*
 * An independent copy of the reference oracle's accept/reject behaviour (src/spec), written with
 * named bug switches (bugs.ts). With no bug it agrees with `check` from src/spec/oracle.ts on every
 * value (suites/bench/mutable-oracle.test.ts), so each mutant differs from the reference by exactly
 * the one bug it turns on.
 */

export type { Bug } from './bugs.js';
export { BUGS } from './bugs.js';

/** Whether the (possibly bugged) validator accepts `value` as a `kind`. */
export function mutableCheck(kind: ValidatorKind, value: unknown, bug?: Bug): boolean {
  switch (kind) {
    case 'handle':
      return handleOk(value, bug);
    case 'did':
      return didOk(value, bug);
    case 'session':
    case 'getSession':
      return sessionOk(kind, value, bug);
  }
}
