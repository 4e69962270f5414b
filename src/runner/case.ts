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

/**
 * What shrinking keeps: a failure, an error the validator answered, or a stop (the validator
 * exited or crashed its thread on the value; the runner reports that error for it).
 */
export type ShrinkGoal = 'fail' | 'error' | 'stop';

/** The runner's message for a validator that stopped on the value it was given. */
const STOPPED = /stopped before answering/;
/** The runner's messages for a value it never sent: the target had stopped for good, or closed. */
const REFUSED = /restart budget|stopped answering|target (was|is) closed/;
/** The runner's own messages for a target that did not answer (timeouts, stops, refusals). */
const STALLED = new RegExp(`\\(timeout\\)|stopped before answering|${REFUSED.source}`);

/** An error the runner reports because the target did not answer: it hung, stopped or is closed. */
export function stalled(verdict: Verdict): boolean {
  return verdict.outcome === 'errored' && STALLED.test(verdict.message);
}

/** An error for a value the target never got: no finding can be made of it. */
export function refused(verdict: Verdict): boolean {
  return verdict.outcome === 'errored' && REFUSED.test(verdict.message);
}

/** The validator stopped (exited, crashed its thread) on this value. */
export function stopped(verdict: Verdict): boolean {
  return verdict.outcome === 'errored' && STOPPED.test(verdict.message);
}

/**
 * Whether a verdict keeps the goal of a shrink: the same kind of finding, so a shrink never
 * follows a value into another kind of error (one that hung, or one the restart budget refused
 * without sending it).
 */
export function keeps(c: LabelledCase, verdict: Verdict, goal: ShrinkGoal): boolean {
  if (goal === 'stop') return stopped(verdict);
  if (stalled(verdict)) return false;
  return evaluate(c, verdict) === goal;
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
