import type fc from 'fast-check';
import { caseArbitrary } from '../../generators/index.js';
import { examplesFor } from '../corpus/examples.js';
import type { Rule, RuleId } from '../spec/rules/index.js';
import type { LabelledCase } from './case.js';
import type { CaseSource } from './generation/source.js';
import type { RunOptions } from './options.js';

/** Cases shared by every target: generation is pure, so it happens once per rule and seed. */
export interface SharedCases {
  /** The rule's arbitrary, for shrinking and replays (on the main thread). */
  readonly arbitrary: fc.Arbitrary<LabelledCase>;
  readonly generated: readonly LabelledCase[];
  /** The rule's whole example list: replay paths index into it. */
  readonly examples: readonly LabelledCase[];
}

export async function shareCases(
  rule: Rule<RuleId>,
  options: RunOptions,
  source: CaseSource,
): Promise<SharedCases> {
  const arbitrary = (options.arbitraryFor ?? caseArbitrary)(rule.id);
  const replaying = options.path !== undefined;
  return {
    arbitrary,
    generated: replaying
      ? []
      : await source.generate(rule.id, arbitrary, options.seed, options.runs),
    examples: options.examples === false ? [] : examplesFor(rule.id),
  };
}
