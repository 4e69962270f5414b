import type { ValidationRequest, Verdict } from '../../contract/validator.js';
import type { RuleId } from '../../spec/rules/index.js';
import type { ValidatorKind } from '../../spec/rules/types.js';
import type { LabelledCase, ShrinkGoal } from '../case.js';
import type { ChunkParts } from './chunk.js';

/**
 * Main thread to generation thread: open a rule's feed, let it go a chunk on, or stop it; shrink
 * a finding, and the target's verdicts on each batch of values the shrinking tries.
 */
export type ToGeneration =
  | {
      readonly type: 'open';
      readonly id: number;
      readonly rule: RuleId;
      readonly seed: number;
      readonly runs: number;
    }
  | { readonly type: 'more' | 'cancel'; readonly id: number }
  | {
      readonly type: 'shrink';
      readonly id: number;
      readonly rule: RuleId;
      readonly seed: number;
      /** The generated run to shrink, the outcome to keep, the kinds the target supports. */
      readonly index: number;
      readonly outcome: ShrinkGoal;
      readonly kinds: readonly ValidatorKind[];
      readonly shrinkTimeMs?: number;
    }
  | {
      readonly type: 'verdicts';
      readonly id: number;
      readonly n: number;
      readonly verdicts: readonly Verdict[];
    };

export type FromGeneration =
  | { readonly type: 'chunk'; readonly id: number; readonly parts: ChunkParts }
  | { readonly type: 'end'; readonly id: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  /** Shrinking asks the target about a batch of values (answered by `verdicts`, same n). */
  | {
      readonly type: 'try';
      readonly id: number;
      readonly n: number;
      readonly requests: readonly ValidationRequest[];
    }
  | {
      readonly type: 'shrunk';
      readonly id: number;
      readonly found?: {
        readonly c: LabelledCase;
        readonly verdict: Verdict;
        readonly path: string;
      };
    };
