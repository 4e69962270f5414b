import { DEFAULT_TIMEOUT_MS, type Target, type Validator } from '../../src/contract/validator.js';
import { getRule, type RuleId } from '../../src/spec/rules/index.js';
import { VALIDATOR_KINDS, type ValidatorKind } from '../../src/spec/rules/types.js';
import { fromValidator } from '../../src/targets/from-validator.js';
import { mutableCheck } from './mutable-oracle.js';
import type { Mutant } from './mutants.js';

/** Target ids of mutants in reports. */
export const MUTANT_PREFIX = 'mutant:';

/** The validator kinds of the rule that should catch a mutant. */
export function ruleKinds(rule: RuleId): ValidatorKind[] {
  const kinds: readonly string[] = getRule(rule).kinds;
  return VALIDATOR_KINDS.filter((k) => kinds.includes(k));
}

/** A mutant as a validator: the mutable oracle with its one bug, on the given kinds. */
export function mutantValidator(
  mutant: Mutant,
  kinds: readonly ValidatorKind[] = VALIDATOR_KINDS,
): Validator {
  return {
    name: mutant.id,
    kinds: [...kinds],
    validate: (kind, value) => mutableCheck(kind, value, mutant.bug),
  };
}

/** A mutant as an in-process target, as `module:` targets and built-in adapters run. */
export function mutantTarget(mutant: Mutant, kinds?: readonly ValidatorKind[]): Target {
  return fromValidator(
    mutantValidator(mutant, kinds),
    { id: `${MUTANT_PREFIX}${mutant.id}`, language: 'javascript' },
    { timeoutMs: DEFAULT_TIMEOUT_MS },
  );
}
