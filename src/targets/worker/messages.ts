import type { ValidationRequest, Verdict } from '../../contract/validator.js';
import type { ValidatorKind } from '../../spec/rules/types.js';

/*
 * Messages between a worker target (worker-target.ts) and its thread (entry.ts). Values and
 * verdicts cross by structured clone: the validator works on its own copy of every value.
 */

/** What the thread loads: a built-in adapter by id, or a `module:` file. */
export type WorkerSource =
  | { readonly builtin: string; readonly spec: string }
  | { readonly module: string; readonly spec: string; readonly cwd: string };

export interface WorkerData {
  readonly source: WorkerSource;
  /**
   * Int32 slots: CURRENT_SEQ, the seq the thread is validating now (0 when idle), and STARTED,
   * how many requests it has begun. The main thread reads them to time the request the target
   * is really on, without waiting for a message.
   */
  readonly state: SharedArrayBuffer;
}

export interface ValidatorIdentity {
  readonly name: string;
  readonly version?: string;
  readonly kinds: readonly ValidatorKind[];
}

export type ToWorker = {
  readonly type: 'validate';
  /** The seq of the first request; the others follow it by one. */
  readonly first: number;
  readonly requests: readonly ValidationRequest[];
};

export type FromWorker =
  | { readonly type: 'ready'; readonly identity: ValidatorIdentity }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'verdicts'; readonly first: number; readonly verdicts: readonly Verdict[] };

export const CURRENT_SEQ = 0;
export const STARTED = 1;
