import type { Verdict } from '../contract/validator.js';
import type { Counterexample, RuleResult } from '../report/model.js';
import type { Rule, RuleId } from '../spec/rules/index.js';
import { actualOf, type LabelledCase } from './case.js';

/** The fields every result of a rule carries. */
export type ResultBase = Pick<RuleResult, 'rule' | 'level' | 'area' | 'kinds'>;

/** The likely cause shown with a counterexample: the case family's, else the rule's. */
function likelyCause(rule: Rule<RuleId>, c: LabelledCase): string | undefined {
  return c.cause ?? rule.likelyCause;
}

export function toCounterexample(
  rule: Rule<RuleId>,
  c: LabelledCase,
  verdict: Verdict,
): Counterexample {
  const errors = verdict.outcome === 'invalid' ? verdict.errors : undefined;
  const cause = likelyCause(rule, c);
  return {
    kind: c.kind,
    value: c.value,
    expected: c.valid,
    actual: actualOf(verdict),
    violates: c.violates,
    ...(errors !== undefined && errors.length > 0 ? { errors: [...errors] } : {}),
    ...(cause === undefined ? {} : { likelyCause: cause }),
  };
}

export function failMessage(c: LabelledCase): string {
  return c.valid
    ? `rejected a valid ${c.kind}`
    : `accepted an invalid ${c.kind} (breaks ${c.violates.join(', ')})`;
}

export function errorMessage(verdict: Verdict): string {
  return `validator errored: ${verdict.outcome === 'errored' ? verdict.message : ''}`;
}
