import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Baseline, baselineFrom } from '../report/baseline.js';
import { renderJson } from '../report/json.js';
import type { Report } from '../report/model.js';
import { type Format, writeReports } from '../report/write.js';
import { exportCounterexamples } from '../vectors/counterexamples.js';
import type { Io } from './common.js';
import { terminalText } from './terminal.js';

export interface OutputPlan {
  readonly outDir: string;
  readonly formats: readonly Format[];
  readonly writeBaseline?: string;
  /** The baseline whose reasons and uncovered entries a rewrite keeps. */
  readonly previousBaseline?: Baseline;
  readonly vectorDir?: string;
}

const reason = (err: unknown): string =>
  terminalText((err as NodeJS.ErrnoException).code ?? (err as Error).message ?? String(err));

/**
 * Saves the JSON report where it can still go when the report folder failed: the system's
 * temporary folder, or else stdout. Returns where it went, for the message.
 */
function rescueJson(report: Report, io: Io): string {
  const file = join(tmpdir(), `atproto-conformance-report-${process.pid}-${Date.now()}.json`);
  try {
    writeFileSync(file, renderJson(report));
    return file;
  } catch {
    io.stdout(renderJson(report));
    return 'stdout (above)';
  }
}

/**
 * Writes the reports, the baseline and the vectors. The paths were checked before the run, so a
 * failure here is rare (a full disk, a folder removed meanwhile): it is reported in one line per
 * output, the JSON report is saved elsewhere, and `ok` is false. Never throws.
 */
export async function writeOutputs(
  report: Report,
  plan: OutputPlan,
  io: Io,
): Promise<{ written: string[]; ok: boolean }> {
  const written: string[] = [];
  let ok = true;
  const fail = (what: string, err: unknown, extra = ''): void => {
    ok = false;
    io.stderr(`atproto-conformance run: cannot write ${what} (${reason(err)})${extra}\n`);
  };
  try {
    written.push(...(await writeReports(report, { outDir: plan.outDir, formats: plan.formats })));
  } catch (err) {
    fail(`the reports to ${plan.outDir}`, err, `; the JSON report is in ${rescueJson(report, io)}`);
  }
  if (plan.writeBaseline !== undefined) {
    try {
      mkdirSync(dirname(plan.writeBaseline), { recursive: true });
      const baseline = baselineFrom(report, plan.previousBaseline);
      writeFileSync(plan.writeBaseline, `${JSON.stringify(baseline, null, 2)}\n`);
      written.push(plan.writeBaseline);
    } catch (err) {
      fail(`the baseline ${plan.writeBaseline}`, err);
    }
  }
  if (plan.vectorDir !== undefined) {
    try {
      await exportCounterexamples(report, plan.vectorDir);
      written.push(plan.vectorDir);
    } catch (err) {
      fail(`the counterexample vectors to ${plan.vectorDir}`, err);
    }
  }
  return { written, ok };
}
