import { readFileSync } from 'node:fs';
import { certify } from '../../src/api/certify.js';
import { DEFAULT_TIMEOUT_MS } from '../../src/contract/validator.js';
import type { RuleId } from '../../src/spec/index.js';
import { createTarget } from '../../src/targets/index.js';

/*
 * One rule certified against the reference, as the CLI runs it (in its worker thread), alone in
 * this process so the peak resident set is this run's own. Arguments: seed, runs, rule id.
 * Prints one JSON object (MemoryJobResult) on stdout.
 */

export interface MemoryJobResult {
  readonly rule: string;
  readonly runs: number;
  /** Peak resident set size of the process (main and worker threads), in MiB. */
  readonly maxRssMiB: number;
  /** The same peak from /proc/self/status (VmHWM), where there is one. */
  readonly vmHwmMiB?: number;
}

function vmHwmMiB(): number | undefined {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const seed = Number(process.argv[2] ?? 1);
  const runs = Number(process.argv[3] ?? 1000);
  const rule = (process.argv[4] ?? 'handle.length.max') as RuleId;
  const target = await createTarget('reference', { timeoutMs: DEFAULT_TIMEOUT_MS });
  try {
    const { report } = await certify([target], { seed, runs, examples: false, rules: [rule] });
    const bad = report.targets.flatMap((t) => t.results.filter((r) => r.status !== 'pass'));
    if (bad.length > 0) throw new Error(`the reference did not pass ${rule}`);
  } finally {
    await target.close();
  }
  const hwm = vmHwmMiB();
  const result: MemoryJobResult = {
    rule,
    runs,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    ...(hwm === undefined ? {} : { vmHwmMiB: hwm }),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
