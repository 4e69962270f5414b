import { readFileSync } from 'node:fs';
import { MergeError, mergeReports } from '../report/merge.js';
import type { Report } from '../report/model.js';
import { reportProblem } from '../report/report-schema.js';
import { type Format, parseFormats, writeReports } from '../report/write.js';
import { type Command, EXIT, type Io, parseFlags, UsageError } from './common.js';
import { checkOutputDir } from './output-paths.js';
import { summaryTable } from './summary-table.js';
import { colourOn, painter } from './terminal.js';

const OPTIONS = {
  out: { type: 'string' },
  format: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

export const command: Command = {
  name: 'merge',
  summary: 'join shard reports into one',
  help: `Usage: atproto-conformance merge <report.json>... [--out DIR] [--format LIST]

Joins the report.json files of a sharded run (run --shard i/n) into one report, and writes it in
every requested format. Every shard 1/n to n/n must be given exactly once, from the same tool
version, --seed, --runs, --rules and targets; merging them gives the same verdicts as a single
run. Reports of unsharded runs with the same settings (of different targets, say) can be merged
too, but not mixed with shards. Every file is checked against the report schema
(schemas/report.schema.json); interrupted and --max-failures reports are refused.

Options:
  --out DIR       report folder (default reports/)
  --format LIST   json,md,junit,html (default all)
  -q, --quiet     no summary table on stdout
  -h, --help      show this help

Exit codes: 0 every target conformant, 1 not conformant, 2 usage error (unreadable or
mismatched reports, a missing or repeated shard).
`,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parseFlags(argv, OPTIONS, true);
    if (positionals.length === 0) throw new UsageError('give at least one report.json to merge');
    let formats: Format[];
    try {
      formats = parseFormats(values.format ?? 'all');
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const outDir = values.out ?? 'reports';
    checkOutputDir('--out', outDir);
    const reports = positionals.map(readReport);
    let merged: Report;
    try {
      merged = mergeReports(reports, positionals);
    } catch (err) {
      if (err instanceof MergeError) throw new UsageError(err.message);
      throw err;
    }
    const written = await writeReports(merged, { outDir, formats });
    if (!values.quiet) {
      io.stdout(summaryTable(merged, painter(colourOn(io.env, io.stdoutIsTTY === true))));
      io.stdout(`\nReports: ${written.join(', ')}\n`);
    }
    return merged.targets.every((t) => t.conformant) ? EXIT.ok : EXIT.notConformant;
  },
};

function readReport(file: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const problem = reportProblem(data);
  if (problem !== undefined) {
    throw new UsageError(`${file} is not a report.json of this tool: ${problem}`);
  }
  return data as Report;
}
