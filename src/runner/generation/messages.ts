import type { Verdict } from '../../contract/validator.js';
import type { RuleId } from '../../spec/rules/index.js';
import type { ValidatorKind } from '../../spec/rules/types.js';
import type { LabelledCase } from '../case.js';
import type { ChunkParts } from './chunk.js';

/**
 * Main thread to generation thread: open a rule's feed, let it go a chunk on, or stop it; shrink
 * a finding, and the target's verdict on each value the shrinking tries.
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
      readonly outcome: 'fail' | 'error';
      readonly kinds: readonly ValidatorKind[];
      readonly shrinkTimeMs?: number;
    }
  | {
      readonly type: 'verdict';
      readonly id: number;
      readonly n: number;
      readonly verdict: Verdict;
    };

export type FromGeneration =
  | { readonly type: 'chunk'; readonly id: number; readonly parts: ChunkParts }
  | { readonly type: 'end'; readonly id: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  /** Shrinking asks the target about one value (answered by a `verdict` with the same n). */
  | {
      readonly type: 'try';
      readonly id: number;
      readonly n: number;
      readonly kind: ValidatorKind;
      readonly value: unknown;
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
