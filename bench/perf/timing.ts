import { performance } from 'node:perf_hooks';

/** Wall and CPU time (user + system) of one measured piece of work, in milliseconds. */
export interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export async function measure<T>(work: () => Promise<T> | T): Promise<Timing & { result: T }> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, result };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Rounds for reports: 3 significant digits are plenty for timings on a shared machine. */
export function round(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(n))));
  return Number(n.toFixed(Math.min(digits, 6)));
}

/**
 * Times several pieces of work in turn, `reps` rounds after one warm-up round, and gives the
 * median of each: on a shared machine, load changes then hit every piece alike.
 */
export async function interleaved<K extends string>(
  reps: number,
  work: Readonly<Record<K, () => Promise<unknown> | unknown>>,
): Promise<Record<K, Timing>> {
  const keys = Object.keys(work) as K[];
  for (const k of keys) await work[k]();
  const runs = new Map<K, Timing[]>(keys.map((k) => [k, []]));
  for (let i = 0; i < reps; i++) {
    for (const k of keys) runs.get(k)?.push(await measure(work[k]));
  }
  const out = {} as Record<K, Timing>;
  for (const k of keys) {
    const list = runs.get(k) ?? [];
    out[k] = { wallMs: median(list.map((r) => r.wallMs)), cpuMs: median(list.map((r) => r.cpuMs)) };
  }
  return out;
}
