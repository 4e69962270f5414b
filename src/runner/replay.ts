import fc from 'fast-check';
import { examplesFor } from '../corpus/examples.js';
import type { RuleResult } from '../report/model.js';
import type { Rule, RuleId } from '../spec/rules/index.js';
import { evaluate, type LabelledCase } from './case.js';
import type { RunOptions } from './options.js';
import { exampleIndex, expandPath } from './replay-path.js';
import { errorMessage, failMessage, type ResultBase, toCounterexample } from './result.js';
import type { SharedCases } from './shared-cases.js';
import type { TargetValidate } from './validate.js';

/** A replay path that names no case of the rule: the user's command is wrong (CLI exit 2). */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}

/** The case a replay path names, or a ReplayError when there is none. */
export async function caseAtPath(
  rule: Rule<RuleId>,
  shared: SharedCases,
  options: RunOptions,
  path: string,
): Promise<LabelledCase> {
  const index = exampleIndex(path);
  if (index !== undefined) {
    const c = examplesFor(rule.id)[index];
    if (c === undefined) {
      throw new ReplayError(`${rule.id} has no explicit example at path ${path}`);
    }
    return c;
  }
  const fcPath = expandPath(path);
  if (fcPath === undefined) throw new ReplayError(`--path ${path} is not a replay path`);
  let c: LabelledCase | undefined;
  const missing = (): ReplayError =>
    new ReplayError(`${rule.id} has no generated case at path ${path} (seed ${options.seed})`);
  let details: fc.RunDetails<[LabelledCase]>;
  try {
    details = await fc.check(
      // With a shrink path, fast-check also runs the siblings that follow: keep the first value.
      fc.asyncProperty(shared.arbitrary, async (v) => {
        c ??= v;
        return true;
      }),
      { seed: options.seed, path: fcPath, numRuns: 1 },
    );
  } catch {
    // fast-check throws when the path walks past the shrink tree ("Unable to replay").
    throw missing();
  }
  if (details.numRuns === 0 || c === undefined) {
    throw missing();
  }
  return c;
}

/** Runs the one case a replay path names. */
export async function replay(
  rule: Rule<RuleId>,
  base: ResultBase,
  c: LabelledCase,
  path: string,
  options: RunOptions,
  validate: TargetValidate,
): Promise<RuleResult> {
  const replayRef = { seed: options.seed, path };
  if (!validate.supports(c)) {
    return {
      ...base,
      status: 'skip',
      runs: 0,
      message: `the case at path ${path} is a ${c.kind}, which this target does not validate`,
    };
  }
  const verdict = await validate(c);
  const outcome = evaluate(c, verdict);
  if (outcome === 'agree') return { ...base, status: 'pass', runs: 1, replay: replayRef };
  if (outcome === 'skip') {
    const message = verdict.outcome === 'skipped' ? verdict.message : '';
    return { ...base, status: 'skip', runs: 1, message, replay: replayRef };
  }
  return {
    ...base,
    status: outcome,
    runs: 1,
    replay: replayRef,
    counterexample: toCounterexample(rule, c, verdict),
    message: outcome === 'fail' ? failMessage(c) : errorMessage(verdict),
  };
}
