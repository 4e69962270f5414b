import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { resourcePath } from '../../src/util/paths.js';
import { toolVersion } from '../../src/util/version.js';
import { endToEnd } from './end-to-end.js';
import type { MainJobResult } from './main-job.js';
import { memoryScaling } from './memory.js';
import { runnerOverhead } from './overhead.js';
import { type BenchReport, renderBench } from './render.js';
import { runsScaling, targetsScaling } from './scaling.js';
import { harnessThroughput } from './throughput.js';

/*
 * `npm run bench`: speed as ratios measured within one run (a shared machine makes absolute
 * numbers move; ratios taken minutes apart on the same machine move much less). Writes
 * reports/bench/bench.json and bench.md.
 */

const run = promisify(execFile);

async function mainJob(seed: number): Promise<MainJobResult> {
  const script = resourcePath('dist', 'bench', 'perf', 'main-job.js');
  const { stdout } = await run(process.execPath, [script, String(seed)], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as MainJobResult;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seed: { type: 'string' }, reps: { type: 'string' }, out: { type: 'string' } },
  });
  const seed = Number(values.seed ?? 1);
  const reps = Number(values.reps ?? 5);
  const out = values.out === undefined ? resourcePath('reports', 'bench') : resolve(values.out);
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await work();
    process.stderr.write(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    return result;
  };
  const startedAt = new Date().toISOString();
  const job = await step('main job', () => mainJob(seed));
  const overhead = await step('runner overhead', () => runnerOverhead(seed, reps));
  const throughput = await step('harness throughput', () => harnessThroughput(seed));
  const certification = await step('end-to-end certification', () => endToEnd(seed));
  const byRuns = await step('scaling with runs', () => runsScaling(seed));
  const byTargets = await step('scaling with targets', () => targetsScaling(seed));
  const memory = await step('peak memory against runs', () => memoryScaling(seed));
  const report: BenchReport = {
    tool: toolVersion(),
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, platform: process.platform },
    seed,
    mainJob: job,
    overhead,
    throughput,
    certification,
    scaling: { byRuns, byTargets },
    memory,
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(out, 'bench.md'), renderBench(report));
  process.stdout.write(`${join(out, 'bench.json')}\n${join(out, 'bench.md')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
