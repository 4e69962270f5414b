import fc from 'fast-check';
import type { Rule, RuleId } from '../spec/rules/index.js';
import type { LabelledCase } from './case.js';
import { examplesFor } from './examples.js';
import type { RunOptions } from './options.js';

/** Cases shared by every target: generation is pure, so it happens once per rule and seed. */
export interface SharedCases {
  readonly arbitrary: fc.Arbitrary<LabelledCase>;
  readonly generated: readonly LabelledCase[];
  /** The rule's whole example list: replay paths index into it. */
  readonly examples: readonly LabelledCase[];
}

export function shareCases(rule: Rule<RuleId>, options: RunOptions): SharedCases {
  const arbitrary = options.arbitraryFor(rule.id);
  const replaying = options.path !== undefined;
  return {
    arbitrary,
    // fc.sample with the same seed yields exactly the values fc.check would, run by run.
    generated: replaying ? [] : fc.sample(arbitrary, { seed: options.seed, numRuns: options.runs }),
    examples: options.examples === false ? [] : examplesFor(rule.id),
  };
}
