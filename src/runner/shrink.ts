import fc from 'fast-check';
import type { Verdict } from '../contract/validator.js';
import { evaluate, type LabelledCase, type Outcome } from './case.js';
import type { RunOptions } from './options.js';
import { compactPath } from './replay-path.js';
import type { TargetValidate } from './validate.js';

export interface Shrunk {
  readonly c: LabelledCase;
  readonly verdict: Verdict;
  /** The compact replay path of the shrunk case. */
  readonly path: string;
}

/**
 * Replays generated run `index` and lets fast-check shrink it to the smallest case with the
 * same outcome (a failure stays a failure, an error an error).
 */
export async function shrink(
  arbitrary: fc.Arbitrary<LabelledCase>,
  index: number,
  outcome: Exclude<Outcome, 'agree' | 'skip'>,
  options: Pick<RunOptions, 'seed' | 'shrinkTimeMs'>,
  validate: TargetValidate,
): Promise<Shrunk | undefined> {
  const details = await fc.check(
    fc.asyncProperty(
      arbitrary,
      async (c) => !validate.supports(c) || evaluate(c, await validate(c)) !== outcome,
    ),
    {
      seed: options.seed,
      path: String(index),
      numRuns: 1,
      interruptAfterTimeLimit: options.shrinkTimeMs ?? 20_000,
      markInterruptAsFailure: false,
    },
  );
  const found = details.counterexample?.[0];
  if (!details.failed || found === undefined || details.counterexamplePath === null)
    return undefined;
  if (!validate.supports(found)) return undefined;
  return {
    c: found,
    verdict: await validate(found),
    path: compactPath(details.counterexamplePath),
  };
}
