import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../../../src/report/model.js';
import { packageRoot } from '../../../src/util/paths.js';
import { buildCli, start } from './_built-cli.js';

/*
 * Ctrl-C during `run`, on the built CLI in a real process: the first SIGINT stops the run and
 * writes a partial report marked "interrupted" (exit 130, one line); a second one exits at once.
 * The signal is sent once progress shows on stderr (a pipe here, so the plain progress lines).
 */

const SLOW = 180_000;
let built: { dir: string; bin: string } | undefined;

beforeAll(async () => {
  built = await buildCli();
}, SLOW);
afterAll(async () => {
  if (built !== undefined) await rm(built.dir, { recursive: true, force: true });
});

// Enough work that no run finishes on its own before the signal arrives.
const LONG = [
  'run',
  '--target',
  'reference',
  '--runs',
  '20000',
  '--seed',
  '7',
  '--format',
  'json,md',
];

describe('run and Ctrl-C', () => {
  it(
    'the first SIGINT writes a partial report marked interrupted, prints one line, exits 130',
    async () => {
      const dir = built?.dir as string;
      const out = join(dir, 'once');
      const run = start(built?.bin as string, [...LONG, '--out', out], dir);
      await run.waitFor(/^progress: [1-9]\d*\/\d+ rules done/m);
      run.child.kill('SIGINT');
      const { code } = await run.exit;
      expect([code, run.stderr()]).toEqual([130, expect.any(String)]);
      const said = run
        .stderr()
        .split('\n')
        .filter((l) => /interrupted/.test(l));
      expect(said).toEqual([
        expect.stringMatching(
          /^atproto-conformance run: interrupted; writing a partial report to /,
        ),
      ]);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
      expect(report.interrupted).toBe(true);
      const results = report.targets[0]?.results ?? [];
      expect(results.length).toBeGreaterThan(0);
      expect(report.notRun?.length).toBeGreaterThan(0);
      expect(results.length + (report.notRun?.length ?? 0)).toBe(Object.keys(report.rules).length);
      expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('**Interrupted** (Ctrl-C)');
    },
    SLOW,
  );

  it(
    'a second SIGINT exits at once, without waiting for the rule in progress',
    async () => {
      const dir = built?.dir as string;
      const out = join(dir, 'twice');
      // A validator that never answers, with a timeout far beyond the test: only a signal ends it.
      const never = `module:${join(packageRoot(), 'suites/fixtures/faux/modules/never.mjs')}`;
      const args = ['run', '--target', never, '--timeout-ms', '3600000', '--rules', 'handle.*'];
      const run = start(built?.bin as string, [...args, '--out', out], dir);
      await run.waitFor(/^seed \d+/m);
      run.child.kill('SIGINT');
      await run.waitFor(/interrupted; writing a partial report/);
      run.child.kill('SIGINT');
      const { code } = await run.exit;
      expect(code).toBe(130);
      expect(run.stderr()).toContain('interrupted again, exiting now');
      expect(existsSync(join(out, 'report.json'))).toBe(false);
    },
    SLOW,
  );
});
