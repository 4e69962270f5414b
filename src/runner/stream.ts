import type { CaseChunk } from './generation/chunk.js';
import type { ChunkFeed } from './generation/feed.js';

/** Chunks a rule's generator may be ahead of the slowest target on that rule. */
export const LOOKAHEAD = 4;

/** One target's place in a rule's stream. */
export interface StreamReader {
  /** Chunk `n` (0-based), or undefined past the last. */
  chunk(n: number): Promise<CaseChunk | undefined>;
  /** This target is done with chunks before `n`: they may be dropped. */
  passed(n: number): void;
  /** This target needs no more chunks (done, skipped the rule, or stopped). */
  leave(): void;
}

/**
 * A rule's generated cases, shared by the `readers` targets that run it: chunks are asked of the
 * generator at most LOOKAHEAD ahead of the slowest of them and dropped once all have passed them,
 * so memory stays flat in the number of runs.
 */
export class RuleStream {
  private readonly chunks: Promise<CaseChunk | undefined>[] = [];
  /** Chunks dropped (the number of the first one held) and asked for. */
  private base = 0;
  private asked = 0;
  /** Where each reader is: the first chunk it has not passed (Infinity once it left). */
  private readonly at: number[];
  private waiting: (() => void)[] = [];
  private joined = 0;

  constructor(
    private readonly feed: ChunkFeed,
    readers: number,
  ) {
    this.at = Array.from({ length: readers }, () => 0);
    this.fill();
  }

  /** A reader for the next target to join; every reader must leave in the end. */
  join(): StreamReader {
    const me = this.joined++;
    return {
      chunk: (n) => this.chunk(n),
      passed: (n) => this.move(me, n),
      leave: () => this.move(me, Number.POSITIVE_INFINITY),
    };
  }

  private get slowest(): number {
    let min = Number.POSITIVE_INFINITY;
    for (const n of this.at) if (n < min) min = n;
    return min;
  }

  private async chunk(n: number): Promise<CaseChunk | undefined> {
    while (n >= this.asked) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    return this.chunks[n - this.base];
  }

  private move(reader: number, n: number): void {
    if (n <= (this.at[reader] ?? 0)) return;
    this.at[reader] = n;
    const slowest = this.slowest;
    if (slowest === Number.POSITIVE_INFINITY) {
      this.chunks.length = 0;
      this.feed.cancel();
      return;
    }
    const drop = Math.min(slowest, this.asked) - this.base;
    if (drop > 0) {
      this.chunks.splice(0, drop);
      this.base += drop;
    }
    this.fill();
  }

  private fill(): void {
    const limit = this.slowest + LOOKAHEAD;
    let more = false;
    while (this.asked < limit) {
      const next = this.feed.next();
      next.catch(() => {}); // Read by the targets that ask for it.
      this.chunks.push(next);
      this.asked++;
      more = true;
    }
    if (more) for (const wake of this.waiting.splice(0)) wake();
  }
}
