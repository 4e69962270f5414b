import type { Verdict } from '../contract/validator.js';
import type { RuleId } from '../spec/rules/index.js';
import type { Kind } from '../spec/rules/types.js';

/**
 * A labelled value, as the generators yield it: the kind it is validated as, whether it must be
 * accepted, and the rules it breaks (empty for a valid value).
 */
export interface LabelledCase {
  readonly kind: Kind;
  readonly value: unknown;
  readonly valid: boolean;
  readonly violates: readonly RuleId[];
  /** A short likely-cause text for the case family, shown with a failure. */
  readonly cause?: string;
}

/** How one verdict compares with the expected answer. */
export type Outcome = 'agree' | 'fail' | 'error' | 'skip';

export function evaluate(c: LabelledCase, verdict: Verdict): Outcome {
  return outcomeOf(c.valid, verdict);
}

/** How a verdict compares with the expected answer, `valid` (whether it must be accepted). */
export function outcomeOf(valid: boolean, verdict: Verdict): Outcome {
  switch (verdict.outcome) {
    case 'valid':
      return valid ? 'agree' : 'fail';
    case 'invalid':
      return valid ? 'fail' : 'agree';
    case 'errored':
      return 'error';
    case 'skipped':
      return 'skip';
  }
}

/** What the target answered, as a boolean; null when it did not answer (error or skip). */
export function actualOf(verdict: Verdict): boolean | null {
  if (verdict.outcome === 'valid') return true;
  if (verdict.outcome === 'invalid') return false;
  return null;
}

/** A stable key for caching verdicts of the same value. */
export function caseKey(c: LabelledCase): string {
  return `${c.kind}\u0000${JSON.stringify(c.value)}`;
}
