import type { CaseChunk } from './chunk.js';

/** One rule's generated cases, chunk after chunk, generated no further than asked. */
export interface ChunkFeed {
  /** The next chunk (undefined after the last); each call lets generation go one chunk on. */
  next(): Promise<CaseChunk | undefined>;
  /** No more chunks are wanted: generation stops. */
  cancel(): void;
}

/**
 * The main thread's end of a feed: `next` calls wait in order for the chunks as they arrive;
 * `ask` tells the generator it may make one more.
 */
export class FeedQueue implements ChunkFeed {
  private readonly waiting: {
    resolve: (c: CaseChunk | undefined) => void;
    reject: (e: Error) => void;
  }[] = [];
  private ended = false;
  private error: Error | undefined;

  constructor(
    private readonly ask: () => void,
    private readonly stop: () => void,
  ) {}

  next(): Promise<CaseChunk | undefined> {
    if (this.error !== undefined) return Promise.reject(this.error);
    if (this.ended) return Promise.resolve(undefined);
    const p = new Promise<CaseChunk | undefined>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
    });
    this.ask();
    return p;
  }

  cancel(): void {
    if (this.ended) return;
    this.end();
    this.stop();
  }

  /** A chunk arrived: it answers the oldest `next`. */
  push(chunk: CaseChunk): void {
    this.waiting.shift()?.resolve(chunk);
  }

  /** Generation is over: every waiting and later `next` gets undefined. */
  end(): void {
    this.ended = true;
    for (const w of this.waiting.splice(0)) w.resolve(undefined);
  }

  fail(error: Error): void {
    this.error = error;
    this.ended = true;
    for (const w of this.waiting.splice(0)) w.reject(error);
  }
}
