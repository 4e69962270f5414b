import { type ChildProcess, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { caseArbitrary } from '../../../generators/index.js';
import type { Target } from '../../../src/contract/validator.js';
import type { RuleResult } from '../../../src/report/model.js';
import { runConformance } from '../../../src/runner/run.js';
import type { RuleId } from '../../../src/spec/index.js';
import { createTarget } from '../../../src/targets/index.js';
import { resourcePath } from '../../../src/util/paths.js';

/*
 * Verdicts never depend on neighbours or load: a correct `cmd:` target gets the same results
 * alone, beside an in-process target that blocks its thread forever, and on a machine kept
 * busy by spinning processes. Nothing here measures time.
 */

const NODE_HARNESS = `cmd:'${process.execPath}' '${resourcePath('examples', 'harnesses', 'node', 'harness.mjs')}'`;
const BLOCKER = `module:${resourcePath('suites', 'fixtures', 'faux', 'modules', 'block.mjs')}`;
const RULES: RuleId[] = [
  'handle.length.max',
  'handle.tld.starts-with-letter',
  'did.method.lowercase',
];
const OPTIONS = {
  seed: 11,
  runs: 40,
  ruleIds: RULES,
  arbitraryFor: (id: RuleId) => caseArbitrary(id),
};

/** What a verdict is made of, without timings. */
function verdicts(results: readonly RuleResult[]): unknown[] {
  return results.map((r) => [r.rule, r.status, r.runs, r.message, r.counterexample]);
}

async function certify(specs: readonly string[]): Promise<(readonly RuleResult[])[]> {
  const targets: Target[] = [];
  try {
    for (const spec of specs) {
      const blocker = spec === BLOCKER;
      targets.push(
        await createTarget(spec, {
          timeoutMs: blocker ? 200 : 2_000,
          ...(blocker ? { maxRestarts: 2 } : {}),
        }),
      );
    }
    const report = await runConformance(targets, OPTIONS);
    return report.targets.map((t) => t.results);
  } finally {
    await Promise.all(targets.map((t) => t.close()));
  }
}

function busyMachine(): ChildProcess[] {
  const n = Math.max(2, cpus().length * 2);
  return Array.from({ length: n }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
}

describe('isolation', () => {
  let solo: unknown[] = [];

  beforeAll(async () => {
    const [results] = await certify([NODE_HARNESS]);
    solo = verdicts(results ?? []);
    expect(solo).toHaveLength(RULES.length);
  });

  it('a module that blocks its thread forever is error on every rule; the run ends', async () => {
    const [cmd, blocked] = await certify([NODE_HARNESS, BLOCKER]);
    expect(verdicts(cmd ?? [])).toEqual(solo);
    expect(blocked?.map((r) => r.status)).toEqual(RULES.map(() => 'error'));
    expect(blocked?.[0]?.message).toMatch(/timeout|restart budget/);
  });

  it('on a machine loaded with busy processes, the verdicts are those of a solo run', async () => {
    const busy = busyMachine();
    try {
      const [cmd, blocked] = await certify([NODE_HARNESS, BLOCKER]);
      expect(verdicts(cmd ?? [])).toEqual(solo);
      expect(blocked?.map((r) => r.status)).toEqual(RULES.map(() => 'error'));
    } finally {
      for (const child of busy) child.kill('SIGKILL');
    }
  });
});
