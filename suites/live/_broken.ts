import { type LiveRun, type LiveSuiteOptions, runLiveSuite } from '../../src/live/suite.js';
import type { TargetReport } from '../../src/report/model.js';
import { type Break, startBrokenPds } from '../fixtures/broken-pds/server.js';

/** One run against a fresh broken server with these breaks; the server is closed after. */
export async function runBroken(
  breaks: readonly Break[],
  opts: Partial<LiveSuiteOptions> = {},
): Promise<{ run: LiveRun; target: TargetReport; openSessions: number; loginAttempts: number }> {
  const pds = await startBrokenPds({ breaks });
  try {
    const run = await runLiveSuite({
      url: pds.url,
      identifier: pds.handle,
      password: pds.password,
      negativeDelayMs: 0,
      ...opts,
    });
    const target = run.report.targets[0] as TargetReport;
    return { run, target, openSessions: pds.openSessions(), loginAttempts: pds.loginAttempts() };
  } finally {
    await pds.close();
  }
}

/** The rules that failed, sorted. */
export function failedRules(target: TargetReport): string[] {
  return target.results
    .filter((r) => r.status === 'fail')
    .map((r) => r.rule)
    .sort();
}
