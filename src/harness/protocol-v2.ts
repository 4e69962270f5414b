import type { ValidatorKind } from '../spec/rules/types.js';

/*
 * Harness protocol v2 (docs/harness-protocol.md, schemas/harness-protocol-v2.schema.json): v1
 * plus `validateBatch`, many values in one line, each with its own seq. A harness answers each
 * value with a v1 answer line, or a batch with one `{"batch":B,"answers":[...]}` line, or fails
 * a whole batch with `{"batch":B,"errored":true,"message":...}`.
 */

/** The versions this runner speaks; the start request offers the highest one. */
export const PROTOCOL_VERSIONS = [1, 2] as const;
export type ProtocolVersion = (typeof PROTOCOL_VERSIONS)[number];
export const LATEST_PROTOCOL_VERSION: ProtocolVersion = 2;

export function isProtocolVersion(value: unknown): value is ProtocolVersion {
  return (PROTOCOL_VERSIONS as readonly unknown[]).includes(value);
}

/** The start of a `validateBatch` line; requests follow, then `batchTail`. */
export function batchHead(batch: number): string {
  return `{"cmd":"validateBatch","batch":${batch},"requests":[`;
}

/**
 * One request of a batch is `batchItemHead(...)`, the value's JSON, then `}`; `first` is false
 * for every request after the first.
 */
export function batchItemHead(first: boolean, seq: number, kind: ValidatorKind): string {
  return `${first ? '' : ','}{"seq":${seq},"kind":"${kind}","value":`;
}

export const BATCH_TAIL = ']}';

/** A batch answer, or a batch failed as a whole; `answers` is not checked yet. */
export type BatchReply =
  | { readonly batch: number; readonly answers: unknown }
  | { readonly batch: number; readonly errored: string };

/**
 * Reads a line's object as a batch reply when it has a `batch` id (the caller checks the id).
 * A reply with neither `answers` nor `errored: true` still counts as a batch reply: its batch
 * is then errored as malformed.
 */
export function readBatchReply(reply: Record<string, unknown>): BatchReply | undefined {
  const batch = reply.batch;
  if (!Number.isSafeInteger(batch) || (batch as number) < 0) return undefined;
  const id = batch as number;
  if (reply.errored === true) {
    const message = typeof reply.message === 'string' ? reply.message : 'no message';
    return { batch: id, errored: message };
  }
  return { batch: id, answers: reply.answers };
}

/** Finds a leading `{"batch": N` in a line that is not JSON (a cut-off batch answer). */
export function peekBatch(line: string): number | undefined {
  const match = /^\s*\{\s*"batch"\s*:\s*(\d{1,15})\b/.exec(line);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
