import { readdirSync, readFileSync } from 'node:fs';

/*
 * CPU time by thread of this process, from /proc/self/task/<tid>/stat (Linux; elsewhere every
 * reading is empty). Node has no per-thread CPU clock before v23, and process.cpuUsage() sums
 * all threads: the split says whether a run's time went to the main thread, to the targets' own
 * threads, or to V8's background threads (the optimising compiler, concurrent GC), which every
 * isolate keeps busy.
 */

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU milliseconds (user + system) of each live thread, by thread id. */
export function threadCpu(): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime and stime are 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

/** CPU milliseconds spent in a run, by kind of thread. */
export interface ThreadSplit {
  readonly mainMs: number;
  /** The threads that appeared after `baseline` was taken (the targets' worker threads). */
  readonly newThreadsMs: number;
  /** Every other thread: V8's and libuv's, shared by all isolates. */
  readonly backgroundMs: number;
}

/**
 * Splits the CPU time between two readings. `baseline` is read before the targets start, so the
 * threads it does not know are theirs; `before` and `after` bracket the measured run.
 */
export function splitCpu(
  baseline: ReadonlyMap<string, number>,
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): ThreadSplit | undefined {
  if (after.size === 0) return undefined;
  const main = String(process.pid);
  let mainMs = 0;
  let newThreadsMs = 0;
  let backgroundMs = 0;
  for (const [tid, ms] of after) {
    const spent = ms - (before.get(tid) ?? 0);
    if (tid === main) mainMs += spent;
    else if (baseline.has(tid)) backgroundMs += spent;
    else newThreadsMs += spent;
  }
  return { mainMs, newThreadsMs, backgroundMs };
}
