import type { RuleId } from '../../spec/rules/index.js';
import type { ChunkParts } from './chunk.js';

/** Main thread to generation thread: open a rule's feed, let it go a chunk on, or stop it. */
export type ToGeneration =
  | {
      readonly type: 'open';
      readonly id: number;
      readonly rule: RuleId;
      readonly seed: number;
      readonly runs: number;
    }
  | { readonly type: 'more' | 'cancel'; readonly id: number };

export type FromGeneration =
  | { readonly type: 'chunk'; readonly id: number; readonly parts: ChunkParts }
  | { readonly type: 'end'; readonly id: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
