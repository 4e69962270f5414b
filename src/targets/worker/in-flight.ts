import type { Verdict } from '../../contract/validator.js';
import type { Piece, Posted } from './post.js';

/**
 * The pieces a worker target has sent its thread and not had answered, oldest first, each
 * numbered by the seq of its first request.
 */
export class InFlight {
  private list: Posted[] = [];
  /** Requests held. */
  count = 0;

  add(posted: Posted): void {
    this.list.push(posted);
    this.count += posted.to - posted.from;
  }

  /** The seq of the oldest request held. */
  get oldest(): number | undefined {
    return this.list[0]?.first;
  }

  /** The index of the piece that holds request `seq`. */
  private holding(seq: number): number {
    return this.list.findIndex((p) => seq >= p.first && seq < p.first + p.to - p.from);
  }

  holds(seq: number): boolean {
    return this.holding(seq) >= 0;
  }

  /** The piece whose answer starts at `first`, no longer held. */
  answered(first: number): Posted | undefined {
    const i = this.list.findIndex((p) => p.first === first);
    const p = this.list[i];
    if (p === undefined) return undefined;
    this.list.splice(i, 1);
    this.count -= p.to - p.from;
    return p;
  }

  /** Answers one request held; the rest of its piece stays held, around it. */
  finish(seq: number, verdict: Verdict): void {
    const i = this.holding(seq);
    const p = this.list[i];
    if (p === undefined) return;
    const at = p.from + (seq - p.first);
    const before: Posted = { batch: p.batch, from: p.from, to: at, first: p.first };
    const after: Posted = { batch: p.batch, from: at + 1, to: p.to, first: seq + 1 };
    this.list.splice(i, 1, before, after);
    this.count--;
    p.batch.fill(at, at + 1, verdict);
  }

  /** Everything held, to send again or to fail; nothing is held after. */
  takeAll(): Piece[] {
    const all = this.list.filter((p) => p.to > p.from);
    this.list = [];
    this.count = 0;
    return all;
  }
}
