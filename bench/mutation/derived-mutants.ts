import { validatorRules } from '../../src/runner/run.js';
import { check } from '../../src/spec/oracle.js';
import type { Rule, RuleId } from '../../src/spec/rules/index.js';
import type { Mutant } from './mutants.js';

/*
 * A seeded bug for every reject rule, derived from the catalogue: the reference with that one
 * check removed, so it accepts a value whose only violation is the rule (mutation testing's
 * "remove a condition"). A new reject rule gets one without writing anything; the hand-written
 * mutants in mutants.ts and decoding-mutants.ts copy how real implementations go wrong.
 */

export const CHECK_REMOVED_PREFIX = 'unchecked:';

export function checkRemoved(rule: Rule<RuleId>): Mutant {
  return {
    id: `${CHECK_REMOVED_PREFIX}${rule.id}`,
    description: `the check of ${rule.id} removed`,
    rule: rule.id,
    kind: 'lax',
    accepts: (kind, value) => {
      const { violations } = check(kind, value);
      return violations.length > 0 && violations.every((id) => id === rule.id);
    },
  };
}

/** One check-removed mutant per reject rule a validator is held to, in catalogue order. */
export const CHECK_REMOVED_MUTANTS: readonly Mutant[] = validatorRules()
  .filter((r) => r.polarity === 'reject')
  .map(checkRemoved);
