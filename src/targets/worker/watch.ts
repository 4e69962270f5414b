/*
 * The clock of a worker target's requests. It times the request the target is really on: a
 * request counts from the moment its thread was seen working on it (or seen stuck before it),
 * never from when the runner wrote it, so a busy runner cannot make a target time out. It only
 * ever errs late: the timer may fire after its time, and before expiring a request it lets
 * the answers that already arrived be read.
 */

export interface Watched {
  /** The request the target is on and how many it has started, or undefined when idle. */
  current(): { readonly seq: number; readonly started: number } | undefined;
  expire(seq: number): void;
}

export class Watch {
  private timer: NodeJS.Timeout | undefined;
  private seen: { seq: number; started: number; at: number } | undefined;
  private readonly tick: number;

  constructor(
    private readonly timeoutMs: number,
    private readonly target: Watched,
  ) {
    this.tick = Math.max(1, Math.ceil(timeoutMs / 4));
  }

  arm(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.check();
    }, this.tick);
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.seen = undefined;
  }

  private check(): void {
    const now = Date.now();
    const cur = this.target.current();
    if (cur === undefined) {
      this.seen = undefined;
      return;
    }
    const seen = this.seen;
    if (seen === undefined || seen.seq !== cur.seq || seen.started !== cur.started) {
      this.seen = { ...cur, at: now };
      this.arm();
      return;
    }
    if (now - seen.at < this.timeoutMs) {
      this.arm();
      return;
    }
    // Messages that arrived while the runner was late are handled before this callback.
    setImmediate(() => {
      const again = this.target.current();
      if (again?.seq === cur.seq && again.started === cur.started) this.target.expire(cur.seq);
      this.seen = undefined;
      if (this.target.current() !== undefined) this.arm();
    });
  }
}
