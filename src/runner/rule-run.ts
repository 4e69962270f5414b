import type { Target, ValidationRequest, Verdict } from '../contract/validator.js';
import type { RuleResult } from '../report/model.js';
import type { Kind, Rule, RuleId } from '../spec/rules/index.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import { type LabelledCase, type ShrinkGoal, stalled, stopped } from './case.js';
import type { RunOptions } from './options.js';
import { caseAtPath, replay } from './replay.js';
import { compactPath, examplePath } from './replay-path.js';
import { errorMessage, failMessage, type ResultBase, toCounterexample } from './result.js';
import { sendAll } from './send.js';
import type { SharedCases } from './shared-cases.js';
import type { StreamReader } from './stream.js';
import { type Finding, type Found, type SentCase, Tally } from './tally.js';
import { type TargetValidate, targetValidate } from './validate.js';

export { type SharedCases, shareCases } from './shared-cases.js';

/*
 * One target on one rule, in named steps: the kinds it supports, the cases it is sent
 * (examples first, then the generated ones as they are streamed), its verdicts judged as they
 * come for the first failure and the first error, and the result — a finding shrunk to its
 * smallest case, or a pass or skip.
 */

function supportedKinds(rule: Rule<RuleId>, target: Target): ValidationRequest['kind'][] {
  return target.info.kinds.filter((k) => rule.kinds.includes(k));
}

/** The fields every result of a rule carries: the one place they are built. */
export function resultBase(rule: Rule<RuleId>, kinds: readonly Kind[]): ResultBase {
  return {
    rule: rule.id,
    level: rule.level,
    area: rule.area,
    kinds: kinds.length > 0 ? [...kinds] : rule.kinds,
  };
}

/** The target a rule is checked on, the kinds it is sent, and its cached single validate. */
interface Checked {
  readonly target: Target;
  readonly kinds: readonly ValidatorKind[];
  readonly validate: TargetValidate;
}

/** The examples this target is sent, with their index in the rule's whole list. */
function sentExamples(shared: SharedCases, validate: TargetValidate): [SentCase, number][] {
  const sent: [SentCase, number][] = [];
  for (const [index, c] of shared.examples.entries()) {
    if (validate.supports(c)) sent.push([c, index]);
  }
  return sent;
}

function size(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/**
 * A failure or an error as reported: the first generated one shrunk, or the first example when
 * that is smaller (a shrunk generated case is often smaller than a failing example).
 */
async function reportFinding(
  outcome: Found,
  scanned: Tally,
  shared: SharedCases,
  on: Checked,
): Promise<{ c: LabelledCase; verdict: Verdict; path: string; example: boolean }> {
  const f = scanned.finding(outcome) as Finding;
  const g = scanned.firstGenerated[outcome];
  // A value on which the validator stopped is shrunk to smaller ones it stops on (each try that
  // stops it costs a restart, within the rule's budget). One that hung is not: each try would
  // cost a timeout.
  const goal: ShrinkGoal | undefined =
    g === undefined
      ? undefined
      : stopped(g.verdict)
        ? 'stop'
        : stalled(g.verdict)
          ? undefined
          : outcome;
  // The rule's scan may have spent the restart budget on values that stop the validator.
  if (goal === 'stop') on.target.renewRestarts?.();
  const shrunk =
    g === undefined || goal === undefined
      ? undefined
      : await shared.shrink(g.index, goal, on.target, on.kinds, on.validate);
  const generated =
    g === undefined
      ? undefined
      : {
          c: shrunk?.c ?? g.c,
          verdict: shrunk?.verdict ?? g.verdict,
          path: shrunk?.path ?? compactPath(String(g.index)),
          example: false,
        };
  const useExample =
    f.source === 'example' &&
    (generated === undefined || size(f.c.value) <= size(generated.c.value));
  if (useExample) return { c: f.c, verdict: f.verdict, path: examplePath(f.index), example: true };
  // Without a generated finding, f is one: the first error for a value never sent, as it is.
  return (
    generated ?? { c: f.c, verdict: f.verdict, path: compactPath(String(f.index)), example: false }
  );
}

async function judge(
  rule: Rule<RuleId>,
  base: ResultBase,
  scanned: Tally,
  shared: SharedCases,
  options: RunOptions,
  on: Checked,
): Promise<RuleResult> {
  const counts = { runs: scanned.total - scanned.examples, examples: scanned.examples };
  const outcome: Found | undefined =
    scanned.finding('fail') !== undefined
      ? 'fail'
      : scanned.finding('error') !== undefined
        ? 'error'
        : undefined;
  if (outcome !== undefined) {
    const chosen = await reportFinding(outcome, scanned, shared, on);
    const what = outcome === 'fail' ? failMessage(chosen.c) : errorMessage(chosen.verdict);
    const first = scanned.finding(outcome) as Finding;
    return {
      ...base,
      ...counts,
      status: outcome,
      message: chosen.example ? `${what} (explicit example)` : what,
      counterexample: toCounterexample(rule, chosen.c, chosen.verdict),
      replay: { seed: options.seed, path: chosen.path },
      ...(outcome === 'fail' ? { casesToFailure: first.position + 1 } : {}),
    };
  }
  if (scanned.skips > 0 && scanned.skips === scanned.total) {
    const v = scanned.firstVerdict;
    const why = v?.outcome === 'skipped' || v?.outcome === 'errored' ? v.message : '';
    return { ...base, ...counts, status: 'skip', message: `target skipped every case: ${why}` };
  }
  return { ...base, ...counts, status: 'pass' };
}

/**
 * Certifies one target on one rule: examples, then generated cases, then shrinking. `reader` is
 * this target's place in the rule's stream: it leaves it whatever happens.
 */
export async function runRule(
  rule: Rule<RuleId>,
  target: Target,
  shared: SharedCases,
  options: RunOptions,
  reader: StreamReader | undefined = shared.stream?.join(),
): Promise<RuleResult> {
  try {
    target.renewRestarts?.();
    const kinds = supportedKinds(rule, target);
    const base = resultBase(rule, kinds);
    if (kinds.length === 0) {
      const message = `target does not support kind ${rule.kinds.join(', ')}`;
      return { ...base, status: 'skip', runs: 0, message };
    }
    const validate = targetValidate(target, kinds);
    if (options.path !== undefined) {
      const c = await caseAtPath(rule, shared, options, options.path);
      return await replay(rule, base, c, options.path, options, validate);
    }
    const tally = new Tally();
    await sendAll(target, kinds, sentExamples(shared, validate), reader, tally);
    // Judged: the chunks are no longer needed while this target's finding is shrunk.
    reader?.leave();
    return await judge(rule, base, tally, shared, options, { target, kinds, validate });
  } finally {
    reader?.leave();
  }
}
