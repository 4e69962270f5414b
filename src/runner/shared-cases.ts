import type fc from 'fast-check';
import { caseArbitrary } from '../../generators/index.js';
import type { Target } from '../contract/validator.js';
import { examplesFor } from '../corpus/examples.js';
import type { Rule, RuleId } from '../spec/rules/index.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import type { LabelledCase, ShrinkGoal } from './case.js';
import type { CaseSource } from './generation/source.js';
import type { RunOptions } from './options.js';
import { type Shrunk, shrink } from './shrink.js';
import { RuleStream } from './stream.js';
import type { TargetValidate } from './validate.js';

/** Shrinks generated run `index` of a rule to the smallest case with the same outcome. */
export type Shrinker = (
  index: number,
  outcome: ShrinkGoal,
  target: Target,
  kinds: readonly ValidatorKind[],
  validate: TargetValidate,
) => Promise<Shrunk | undefined>;

/** Cases shared by every target: generation is pure, so it happens once per rule and seed. */
export interface SharedCases {
  /** The rule's arbitrary, for shrinking and replays (on the main thread). */
  readonly arbitrary: fc.Arbitrary<LabelledCase>;
  /** The generated cases, streamed to the targets (none when replaying a path). */
  readonly stream: RuleStream | undefined;
  /** The rule's whole example list: replay paths index into it. */
  readonly examples: readonly LabelledCase[];
  /** Where the cases are generated (the generation thread), else on this thread. */
  readonly shrink: Shrinker;
}

/** Opens a rule's cases for the `readers` targets that run it. */
export function shareCases(
  rule: Rule<RuleId>,
  options: RunOptions,
  source: CaseSource,
  readers: number,
): SharedCases {
  const arbitrary = (options.arbitraryFor ?? caseArbitrary)(rule.id);
  const replaying = options.path !== undefined;
  return {
    arbitrary,
    stream: replaying
      ? undefined
      : new RuleStream(source.open(rule.id, arbitrary, options.seed, options.runs), readers),
    examples: options.examples === false ? [] : examplesFor(rule.id),
    shrink: (index, outcome, target, kinds, validate) =>
      source.shrink === undefined
        ? shrink(arbitrary, index, outcome, options, validate)
        : source.shrink({ rule: rule.id, index, outcome, kinds, options, target }),
  };
}
