import type { Verdict } from '../contract/validator.js';
import { answerSeq, peekSeq, preview } from '../harness/protocol.js';
import {
  type BatchReply,
  type ProtocolVersion,
  peekBatch,
  readBatchReply,
} from '../harness/protocol-v2.js';
import { type AnswerBook, errored, type Job, type Line, verdictOf } from './cmd-answers.js';

/** What reading answers needs from a `cmd:` target. */
export interface Ledger {
  /** Requests in flight by seq, in the order they were written. */
  readonly inFlight: ReadonlyMap<number, Job>;
  /** v2 batch lines with requests in flight, by batch id. */
  readonly lines: ReadonlyMap<number, Line>;
  readonly answers: AnswerBook;
  /** The seq the next request will get: lower ones were sent. */
  nextSeq(): number;
  /** A request was answered (the watchdog's clock). */
  answered(): void;
  finish(seq: number, verdict: Verdict): void;
  note(text: string): void;
}

/** The commonest answer, `{"seq":N,"valid":true}` exactly, read without JSON.parse. */
const VALID = /^\{"seq":(0|[1-9]\d{0,14}),"valid":true\}$/;

function validSeq(text: string): number | undefined {
  const digits = VALID.exec(text)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/*
 * Reads the lines a harness writes and settles the requests they answer: by seq (v1 answers,
 * and the items of a v2 batch answer), or by batch id (a v2 batch answered or failed whole). A
 * line that cannot be attributed is only noted (see docs/harness-protocol.md, Errors).
 */
export class AnswerReader {
  constructor(private readonly at: Ledger) {}

  /** One line the harness wrote, in protocol `version`. */
  read(version: ProtocolVersion, text: string): void {
    const quick = validSeq(text);
    if (quick !== undefined && this.at.inFlight.has(quick)) {
      this.at.answered();
      this.at.finish(quick, { outcome: 'valid' });
      return;
    }
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      const batch = version >= 2 ? peekBatch(text) : undefined;
      const line = batch === undefined ? undefined : this.at.lines.get(batch);
      const what = 'wrote a line that is not JSON';
      if (line === undefined) this.misfit(peekSeq(text), what, text);
      else this.failLine(line, `the harness ${what}: ${preview(text)}`);
      return;
    }
    const batch =
      version >= 2 && typeof answer === 'object' && answer !== null && 'batch' in answer
        ? readBatchReply(answer as Record<string, unknown>)
        : undefined;
    if (batch === undefined) this.onAnswer(answer, text);
    else this.onBatchReply(batch, text);
  }

  /**
   * One answer object (a line, or an item of a batch answer), matched by its seq. An item that
   * matches nothing is only noted: the batch answer errors what it left out.
   */
  private onAnswer(answer: unknown, text: unknown, item = false): void {
    const seq = answerSeq(answer);
    const job = seq === undefined ? undefined : this.at.inFlight.get(seq);
    if (seq !== undefined && job === undefined && this.at.answers.has(seq)) {
      this.at.note(this.at.answers.again(seq, verdictOf(answer, text), preview(text)));
      return;
    }
    if (seq === undefined || job === undefined) {
      const what =
        seq === undefined ? 'an answer without a valid seq' : `an answer with seq ${seq}`;
      if (item) this.at.note(`the harness wrote ${what} in a batch answer: ${preview(text)}`);
      else this.misfit(seq, `wrote ${what}`, text);
      return;
    }
    this.at.answered();
    this.at.finish(seq, verdictOf(answer, text));
  }

  /** v2: the answer to a whole batch; values it leaves out are errored. */
  private onBatchReply(reply: BatchReply, text: string): void {
    const line = this.at.lines.get(reply.batch);
    if (line === undefined) {
      this.at.note(
        `the harness answered batch ${reply.batch}, which is not in flight: ${preview(text)}`,
      );
      return;
    }
    this.at.answered();
    if ('errored' in reply) {
      this.failLine(line, `the harness failed batch ${reply.batch} as a whole: ${reply.errored}`);
      return;
    }
    if (!Array.isArray(reply.answers)) {
      this.failLine(line, `malformed batch answer ("answers" must be an array): ${preview(text)}`);
      return;
    }
    for (const answer of reply.answers) this.onAnswer(answer, answer, true);
    this.failLine(line, `the answer to batch ${reply.batch} left this value out: ${preview(text)}`);
  }

  /** Errors every request of `line` still in flight. */
  private failLine(line: Line, message: string): void {
    for (const seq of line.seqs)
      if (this.at.inFlight.has(seq)) this.at.finish(seq, errored(message));
  }

  /**
   * A line that answers no request in flight. A seq that was sent earlier is a late or repeated
   * answer: only noted, never pinned on another request (that would shift every later answer).
   */
  private misfit(seq: number | undefined, what: string, text: unknown): void {
    const message = `the harness ${what}: ${preview(text)}`;
    if (seq !== undefined && this.at.inFlight.has(seq)) {
      this.at.finish(seq, errored(message));
      return;
    }
    if (seq === undefined || seq >= this.at.nextSeq()) {
      const [onlyLine] = this.at.lines.size === 1 ? this.at.lines.values() : [];
      const [onlySeq] =
        this.at.lines.size === 0 && this.at.inFlight.size === 1 ? this.at.inFlight.keys() : [];
      if (onlyLine !== undefined) {
        this.failLine(onlyLine, message);
        return;
      }
      if (onlySeq !== undefined) {
        this.at.finish(onlySeq, errored(message));
        return;
      }
    }
    this.at.note(message);
  }
}
