import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RUNS } from '../../src/runner/options.js';
import { resourcePath } from '../../src/util/paths.js';
import { certifyMutants, type MutantRun } from './certify.js';
import { certifyLive, type LiveMutantRun, summarizeLive } from './live-certify.js';
import { LIVE_MUTANTS } from './live-mutants.js';
import { MUTANTS } from './mutants.js';
import { buildReport, writeMutationReport } from './report.js';
import { summarizeMutant } from './summary.js';

/*
 * `npm run mutation`: certifies every mutant at default settings (the runner's default runs and
 * the explicit examples) over several seeds, each mutant validating every kind, then once more
 * per seed with the examples off (on the kinds of its own rule) to show what the generators alone
 * catch. The live-check mutants (coherence, DID method policy) are compared with the reference
 * checks on the same number of generated values per seed. Exit code 1 when a mutant escapes in
 * some seed.
 */

const HELP = `Usage: npm run mutation -- [--seeds N] [--runs N] [--out DIR]
  --seeds N   seeds 1..N (default 5)
  --runs N    generated cases per rule (default ${DEFAULT_RUNS}, the runner's default)
  --out DIR   report folder (default reports/mutation)
`;

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string' },
      runs: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const seeds = Array.from({ length: positive('seeds', values.seeds, 5) }, (_, i) => i + 1);
  const runs = positive('runs', values.runs, DEFAULT_RUNS);
  const out = values.out === undefined ? resourcePath('reports', 'mutation') : resolve(values.out);
  const startedAt = new Date().toISOString();

  const byDefault = new Map<string, MutantRun[]>();
  const generatedOnly = new Map<string, MutantRun[]>();
  const live = new Map<string, LiveMutantRun[]>();
  const collect = (into: Map<string, MutantRun[]>, found: Map<string, MutantRun>): void => {
    for (const [id, run] of found) into.set(id, [...(into.get(id) ?? []), run]);
  };
  for (const seed of seeds) {
    const t0 = Date.now();
    collect(byDefault, await certifyMutants(MUTANTS, { seed, runs, kinds: 'all' }));
    collect(
      generatedOnly,
      await certifyMutants(MUTANTS, { seed, runs, kinds: 'rule', examples: false }),
    );
    for (const [id, run] of certifyLive(LIVE_MUTANTS, { seed, runs })) {
      live.set(id, [...(live.get(id) ?? []), run]);
    }
    process.stderr.write(`seed ${seed}: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const summaries = MUTANTS.map((m) =>
    summarizeMutant(m, byDefault.get(m.id) ?? [], generatedOnly.get(m.id) ?? []),
  );
  const liveSummaries = LIVE_MUTANTS.map((m) => summarizeLive(m, live.get(m.id) ?? []));
  const report = buildReport(
    summaries,
    { startedAt, finishedAt: new Date().toISOString(), seeds, runs },
    liveSummaries,
  );
  const files = writeMutationReport(report, out);
  const { summary: s } = report;
  process.stdout.write(
    `${s.caught}/${s.mutants} mutants caught (lax ${s.lax.caught}/${s.lax.total}, strict ${s.strict.caught}/${s.strict.total}); cases to detection median ${s.casesToDetection.median}, max ${s.casesToDetection.max} (generated only: median ${s.generatedCasesToDetection.median}, max ${s.generatedCasesToDetection.max})\n${files.join('\n')}\n`,
  );
  const l = s.live;
  if (l !== undefined) {
    process.stdout.write(
      `live checks: ${l.caught}/${l.mutants} mutants caught (lax ${l.lax.caught}/${l.lax.total}, strict ${l.strict.caught}/${l.strict.total}); cases to detection median ${l.casesToDetection.median}, max ${l.casesToDetection.max}\n`,
    );
  }
  const escaped = [
    ...summaries.filter((m) => !m.caught).map((m) => ({ ...m, label: m.id })),
    ...liveSummaries.filter((m) => !m.caught).map((m) => ({ ...m, label: `live ${m.id}` })),
  ];
  for (const m of escaped) {
    process.stdout.write(
      `escaped: ${m.label} (caught in ${m.seedsCaught}/${seeds.length} seeds)\n`,
    );
  }
  return escaped.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
