import type { EncodedCases, ValidationRequest, Verdict } from '../../contract/validator.js';
import type { ValidatorKind } from '../../spec/rules/types.js';

/*
 * Messages between a worker target (worker-target.ts) and its thread (entry.ts). Values cross by
 * structured clone, or as bytes encoded once for every target (codec.ts) that the thread decodes
 * into its own copy: either way the validator works on its own copy of every value. Verdicts come
 * back as one byte each, with the few that say more listed apart.
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

/** Requests numbered from `first` (the seq of the first; the others follow it by one). */
export type ToWorker =
  | {
      readonly type: 'validate';
      readonly first: number;
      readonly requests: readonly ValidationRequest[];
    }
  | {
      /** Items [from, to) of encoded cases; those of other kinds than `wanted` are not asked. */
      readonly type: 'encoded';
      readonly first: number;
      readonly cases: EncodedCases;
      readonly wanted: readonly ValidatorKind[];
      readonly from: number;
      readonly to: number;
    };

export type FromWorker =
  | { readonly type: 'ready'; readonly identity: ValidatorIdentity }
  | { readonly type: 'failed'; readonly message: string }
  | {
      readonly type: 'verdicts';
      readonly first: number;
      /** One OUTCOME_CODES byte per request. */
      readonly outcomes: Uint8Array;
      readonly other: readonly (readonly [number, Verdict])[];
    };

export const CURRENT_SEQ = 0;
export const STARTED = 1;
