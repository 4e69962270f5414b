import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resourcePath } from '../../src/util/paths.js';
import type { MemoryJobResult } from './memory-job.js';

/*
 * Peak memory against runs: one rule certified at few and at many runs, each in a fresh process
 * (a process's peak never goes down, so two runs in one would hide the smaller). The runner
 * streams cases, so the peak should barely grow with runs.
 */

export const MEMORY_RULE = 'handle.length.max';
export const MEMORY_RUNS = [1_000, 100_000] as const;
/** The most the peak may grow from the fewer runs to the more. */
export const MEMORY_TARGET_RATIO = 1.5;

export interface MemoryResult {
  readonly rule: string;
  readonly rows: readonly MemoryJobResult[];
  /** Peak RSS at the most runs over peak RSS at the fewest. */
  readonly ratio: number;
}

const run = promisify(execFile);

async function memoryJob(seed: number, runs: number, rule: string): Promise<MemoryJobResult> {
  const script = resourcePath('dist', 'bench', 'perf', 'memory-job.js');
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', script, String(seed), String(runs), rule],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout) as MemoryJobResult;
}

export async function memoryScaling(seed: number): Promise<MemoryResult> {
  const rows: MemoryJobResult[] = [];
  for (const runs of MEMORY_RUNS) rows.push(await memoryJob(seed, runs, MEMORY_RULE));
  const first = rows[0] as MemoryJobResult;
  const last = rows[rows.length - 1] as MemoryJobResult;
  return { rule: MEMORY_RULE, rows, ratio: last.maxRssMiB / first.maxRssMiB };
}
