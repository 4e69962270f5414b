import type { Verdict } from '../contract/validator.js';
import { validateHead } from '../harness/protocol.js';
import {
  BATCH_TAIL,
  batchHead,
  batchItemHead,
  type ProtocolVersion,
} from '../harness/protocol-v2.js';
import type { Job, Line } from './cmd-answers.js';
import { atLeastOne, DEFAULT_MAX_BATCH } from './cmd-options.js';
import { encodeRequestValue } from './cmd-request.js';
import type { ChunkWriter } from './cmd-writer.js';
import type { Trace } from './harness-process.js';
import type { JobQueue } from './job-queue.js';

/** What writing requests needs from the target: fresh ids, and where a sent request goes. */
export interface Outbox {
  readonly writer: ChunkWriter;
  readonly trace: Trace | undefined;
  nextSeq(): number;
  nextBatch(): number;
  /** Records a request as in flight. */
  sent(seq: number, job: Job): void;
  /** A request that cannot be sent (its value has no exact JSON form). */
  refuse(job: Job, verdict: Verdict): void;
  /** Records a v2 batch line as in flight. */
  sentLine(line: Line): void;
}

/** Requests taken from the queue at a time in v1: a full pipe leaves at most these buffered. */
const V1_TAKE = 16;

/** The most requests per batch: the option (default 64), and at most what the harness asked. */
export function batchLimit(option: number | undefined, harness: number | undefined): number {
  return Math.min(atLeastOne(option, DEFAULT_MAX_BATCH), harness ?? Number.MAX_SAFE_INTEGER);
}

const goesAlone = (job: Job): boolean => job.alone === true;

/**
 * Writes queued requests while there is `room()` in flight and stdin takes them (once a write
 * finds it full, the rest waits for 'drain'), then flushes. A job marked `alone` is written only
 * when nothing is in flight, and nothing after it until it is answered (`room()` is 0 then), so
 * a failure while it is out names it.
 */
export function sendQueued(
  out: Outbox,
  queue: JobQueue<Job>,
  room: () => number,
  inFlight: () => number,
  version: ProtocolVersion,
  maxBatch: number,
): void {
  for (let free = room(); out.writer.open && queue.size > 0 && free > 0; free = room()) {
    if (queue.peek()?.alone === true) {
      if (inFlight() > 0) break;
      const alone = queue.take(1);
      if (version === 1) sendV1(out, alone);
      else sendV2(out, alone, maxBatch);
      continue;
    }
    const jobs = queue.take(Math.min(free, version === 1 ? V1_TAKE : maxBatch), goesAlone);
    if (version === 1) sendV1(out, jobs);
    else sendV2(out, jobs, maxBatch);
  }
  out.writer.flush();
}

/** v1: one `validate` line per request. */
export function sendV1(out: Outbox, jobs: readonly Job[]): void {
  for (const job of jobs) {
    const valueJson = encodeRequestValue(job.value);
    if (typeof valueJson !== 'string') {
      out.refuse(job, valueJson);
      continue;
    }
    const seq = out.nextSeq();
    const head = validateHead(seq, job.kind);
    out.trace?.('send', `${head}${valueJson}}`);
    out.sent(seq, job);
    out.writer.part(head);
    out.writer.part(valueJson);
    out.writer.add('}');
  }
}

/** Value JSON per batch line, at most: a harness parses a line only once it has all of it. */
const BATCH_CHARS = 32 * 1024;

/**
 * v2: the jobs as `validateBatch` lines of at most `maxBatch` requests and about BATCH_CHARS of
 * values; a job marked `alone` goes in a line of its own. Each request is written as it is
 * encoded, so a line never exists as one string (unless traced).
 */
export function sendV2(out: Outbox, jobs: readonly Job[], maxBatch: number): void {
  let i = 0;
  while (i < jobs.length) {
    let line: Line | undefined;
    let traced: string | undefined;
    let chars = 0;
    for (; i < jobs.length && (line?.seqs.length ?? 0) < maxBatch && chars < BATCH_CHARS; i++) {
      const job = jobs[i] as Job;
      if (job.alone === true && line !== undefined) break;
      const valueJson = encodeRequestValue(job.value);
      if (typeof valueJson !== 'string') {
        out.refuse(job, valueJson);
        continue;
      }
      // The head is written with the first request that can be sent: no empty batches.
      if (line === undefined) {
        line = { id: out.nextBatch(), open: 0, seqs: [] };
        const head = batchHead(line.id);
        if (out.trace !== undefined) traced = head;
        out.writer.part(head);
      }
      const seq = out.nextSeq();
      const head = batchItemHead(line.seqs.length === 0, seq, job.kind);
      if (traced !== undefined) traced += `${head}${valueJson}}`;
      out.writer.part(head);
      out.writer.part(valueJson);
      out.writer.part('}');
      job.line = line;
      line.open++;
      line.seqs.push(seq);
      out.sent(seq, job);
      chars += valueJson.length;
      if (job.alone === true) {
        i++;
        break;
      }
    }
    if (line === undefined) continue;
    out.writer.part(BATCH_TAIL);
    out.writer.end();
    out.sentLine(line);
    if (traced !== undefined) out.trace?.('send', traced + BATCH_TAIL);
  }
}
