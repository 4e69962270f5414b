import type { Target, Verdict } from '../contract/validator.js';
import { isValidatorKind } from '../harness/protocol.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import { caseKey, type LabelledCase } from './case.js';

/** One target's validate for the cases of one rule, with what it supports. */
export interface TargetValidate {
  (c: LabelledCase & { readonly kind: ValidatorKind }): Promise<Verdict>;
  supports(c: LabelledCase): c is LabelledCase & { readonly kind: ValidatorKind };
}

/**
 * Validates single cases (shrinking, replays) through a target, caching verdicts: shrinking
 * tries the same value more than once.
 */
export function targetValidate(
  target: Pick<Target, 'validate'>,
  kinds: readonly ValidatorKind[],
): TargetValidate {
  const cache = new Map<string, Verdict>();
  const validate = async (c: LabelledCase & { readonly kind: ValidatorKind }) => {
    const key = caseKey(c);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const verdict = await target.validate(c.kind, c.value);
    cache.set(key, verdict);
    return verdict;
  };
  const supports = (c: LabelledCase): c is LabelledCase & { readonly kind: ValidatorKind } =>
    isValidatorKind(c.kind) && kinds.includes(c.kind);
  return Object.assign(validate, { supports });
}
