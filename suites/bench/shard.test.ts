import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/commands/common.js';
import type { Report, RuleResult } from '../../src/report/model.js';
import { resourcePath } from '../../src/util/paths.js';

// `run --shard i/n` splits the rule x target work; `merge` joins the shards. Merging every shard
// must give the verdicts of a single run with the same seed: status, counterexample and replay
// of every target x rule, a failing target included.

const SEED = 4242;
const SHARDS = 3;
const TARGETS = [
  'reference',
  `module:${resourcePath('suites', 'fixtures', 'faux', 'modules', 'accept.mjs')}`,
];

const io: Io = { stdout: () => {}, stderr: () => {}, env: {}, stderrIsTTY: false };
let dir: string;

async function run(out: string, ...extra: string[]): Promise<Report> {
  const targets = TARGETS.flatMap((t) => ['--target', t]);
  const args = ['run', ...targets, '--seed', String(SEED), '--runs', '30', '--format', 'json'];
  await main([...args, '--out', out, '-q', ...extra], io);
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
}

/** What must match: the verdict of each target x rule. */
function verdicts(
  report: Report,
): Record<
  string,
  Pick<RuleResult, 'status' | 'counterexample' | 'replay' | 'casesToFailure' | 'runs'>
> {
  const out: Record<
    string,
    Pick<RuleResult, 'status' | 'counterexample' | 'replay' | 'casesToFailure' | 'runs'>
  > = {};
  for (const t of report.targets) {
    for (const r of t.results) {
      out[`${t.target.id} ${r.rule}`] = {
        status: r.status,
        counterexample: r.counterexample,
        replay: r.replay,
        casesToFailure: r.casesToFailure,
        runs: r.runs,
      };
    }
  }
  return out;
}

let single: Report;
let shards: Report[];
let merged: Report;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shard-test-'));
  single = await run(join(dir, 'single'));
  shards = [];
  for (let i = 1; i <= SHARDS; i++) {
    shards.push(await run(join(dir, `shard-${i}`), '--shard', `${i}/${SHARDS}`));
  }
  const files = shards.map((_, i) => join(dir, `shard-${i + 1}`, 'report.json'));
  await main(['merge', ...files, '--out', join(dir, 'merged'), '--format', 'json', '-q'], io);
  merged = JSON.parse(readFileSync(join(dir, 'merged', 'report.json'), 'utf8')) as Report;
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sharded runs', () => {
  test('split the rule x target work into disjoint, non-empty parts that cover it all', () => {
    const whole = Object.keys(verdicts(single));
    const parts = shards.map((s) => Object.keys(verdicts(s)));
    for (const part of parts) {
      expect(part.length).toBeGreaterThan(0);
      expect(part.length).toBeLessThan(whole.length);
    }
    const all = parts.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual([...whole].sort());
    expect(shards.map((s) => s.shard)).toEqual(['1/3', '2/3', '3/3']);
  });

  test('merge into the verdicts of a single run with the same seed', () => {
    const failing = single.targets.find((t) => t.target.id === TARGETS[1]);
    // The faux target accepts everything: it must fail, so counterexamples are compared too.
    expect(failing?.summary.fail).toBeGreaterThan(10);
    expect(verdicts(merged)).toEqual(verdicts(single));
  });

  test('merge into the same summaries, conformance and rule order', () => {
    const view = (r: Report) =>
      r.targets.map((t) => ({
        id: t.target.id,
        summary: t.summary,
        conformant: t.conformant,
        rules: t.results.map((x) => x.rule),
      }));
    expect(view(merged)).toEqual(view(single));
    expect(merged.shard).toBeUndefined();
    expect(Object.keys(merged.rules)).toEqual(Object.keys(single.rules));
  });
});
