/** A FIFO of requests waiting to be sent; taking from the head costs no copy per item. */
export class JobQueue<T> {
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** Puts items back in front, in their order (requests to send again). */
  unshift(items: readonly T[]): void {
    this.items = [...items, ...this.items.slice(this.head)];
    this.head = 0;
  }

  /** The item at the head, left there. */
  peek(): T | undefined {
    return this.items[this.head];
  }

  /** Up to `n` items from the head, stopping before the first that `stop` picks. */
  take(n: number, stop?: (item: T) => boolean): T[] {
    let end = Math.min(this.items.length, this.head + n);
    if (stop !== undefined) {
      for (let i = this.head; i < end; i++) {
        if (stop(this.items[i] as T)) end = i;
      }
    }
    const taken = this.items.slice(this.head, end);
    this.head += taken.length;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 4096) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return taken;
  }

  takeAll(): T[] {
    return this.take(this.size);
  }
}

/**
 * `run`, at most once per turn however often it is asked for: a burst of answers frees many
 * slots, refilled by one write.
 */
export function oncePerTurn(run: () => void): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      run();
    });
  };
}
