import { BUILTIN_ADAPTERS } from '../../src/adapters/index.js';
import { certify } from '../../src/api/certify.js';
import { DEFAULT_TIMEOUT_MS } from '../../src/contract/validator.js';
import { DEFAULT_RUNS } from '../../src/runner/options.js';
import { createTarget } from '../../src/targets/index.js';
import { measure } from './timing.js';

/*
 * The main job, alone in its own process so its peak memory is its own: every built-in target at
 * default settings (default runs, explicit examples), as `run` with no --target does. Then each
 * target certified alone, because targets run side by side and their durations overlap.
 * Prints one JSON object (MainJobResult) on stdout.
 */

export interface MainJobResult {
  readonly seed: number;
  readonly runs: number;
  readonly wallMs: number;
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  /** Peak resident set size of this process during the job, in MiB. */
  readonly maxRssMiB: number;
  readonly targets: readonly {
    readonly id: string;
    /** TargetReport.durationMs in the joint run (overlaps the other targets). */
    readonly durationMs: number;
    readonly pass: number;
    readonly fail: number;
    readonly error: number;
    /** The same target certified alone: wall and CPU time. */
    readonly soloWallMs: number;
    readonly soloCpuMs: number;
  }[];
}

async function main(): Promise<void> {
  const seed = Number(process.argv[2] ?? 1);
  const options = { seed, runs: DEFAULT_RUNS };
  const start = () =>
    Promise.all(BUILTIN_ADAPTERS.map((a) => createTarget(a.id, { timeoutMs: DEFAULT_TIMEOUT_MS })));

  const cpu = process.cpuUsage();
  const joint = await measure(async () => {
    const targets = await start();
    try {
      return (await certify(targets, options)).report;
    } finally {
      await Promise.all(targets.map((t) => t.close()));
    }
  });
  const used = process.cpuUsage(cpu);
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;

  const rows: MainJobResult['targets'][number][] = [];
  for (const t of joint.result.targets) {
    const solo = await measure(async () => {
      const target = await createTarget(t.target.id, { timeoutMs: DEFAULT_TIMEOUT_MS });
      await certify([target], options);
      await target.close();
    });
    rows.push({
      id: t.target.id,
      durationMs: t.durationMs ?? Number.NaN,
      pass: t.summary.pass,
      fail: t.summary.fail,
      error: t.summary.error,
      soloWallMs: solo.wallMs,
      soloCpuMs: solo.cpuMs,
    });
  }
  const result: MainJobResult = {
    seed,
    runs: DEFAULT_RUNS,
    wallMs: joint.wallMs,
    cpuUserMs: used.user / 1000,
    cpuSystemMs: used.system / 1000,
    maxRssMiB,
    targets: rows,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
