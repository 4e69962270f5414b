import type { Target, ValidationRequest, Verdict } from '../contract/validator.js';
import { isValidatorKind } from '../harness/protocol.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import { caseKey, type LabelledCase } from './case.js';

export type ValidatorCase = LabelledCase & { readonly kind: ValidatorKind };

/** One target's validate for the cases of one rule, with what it supports. */
export interface TargetValidate {
  (c: ValidatorCase): Promise<Verdict>;
  /** Many cases in one batch, verdicts in the same order. */
  many(cases: readonly ValidatorCase[]): Promise<Verdict[]>;
  supports(c: LabelledCase): c is ValidatorCase;
}

/**
 * Validates cases for shrinking and replays through a target, in batches, caching verdicts:
 * shrinking tries the same value more than once.
 */
export function targetValidate(
  target: Pick<Target, 'validateBatch'>,
  kinds: readonly ValidatorKind[],
): TargetValidate {
  const cache = new Map<string, Verdict>();
  const many = async (cases: readonly ValidatorCase[]): Promise<Verdict[]> => {
    const keys = cases.map(caseKey);
    const missing = new Map<string, ValidationRequest>();
    for (const [i, c] of cases.entries()) {
      const key = keys[i] as string;
      if (!cache.has(key)) missing.set(key, { kind: c.kind, value: c.value });
    }
    if (missing.size > 0) {
      const verdicts = await target.validateBatch([...missing.values()]);
      for (const [i, key] of [...missing.keys()].entries()) cache.set(key, verdicts[i] as Verdict);
    }
    return keys.map((key) => cache.get(key) as Verdict);
  };
  const validate = async (c: ValidatorCase) => (await many([c]))[0] as Verdict;
  const supports = (c: LabelledCase): c is ValidatorCase =>
    isValidatorKind(c.kind) && kinds.includes(c.kind);
  return Object.assign(validate, { many, supports });
}
