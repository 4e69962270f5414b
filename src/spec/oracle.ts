import { didViolations } from './did.js';
import { handleViolations } from './handle.js';
import type { RuleId, ValidatorKind } from './rules/index.js';
import { sessionViolations } from './session.js';

export interface OracleVerdict {
  readonly valid: boolean;
  /** The rules the value breaks, in catalogue order. */
  readonly violations: readonly RuleId[];
}

/** The reference answer for one value of one kind. Depends on no validator library. */
export function check(kind: ValidatorKind, value: unknown): OracleVerdict {
  const violations: RuleId[] =
    kind === 'handle'
      ? handleViolations(value)
      : kind === 'did'
        ? didViolations(value)
        : sessionViolations(kind, value);
  return { valid: violations.length === 0, violations };
}
