import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MutantSummary, type Spread, spread } from './summary.js';

/** reports/mutation/mutation.json. */
export interface MutationReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly seeds: readonly number[];
  /** Generated cases per rule (the runner's default unless overridden). */
  readonly runs: number;
  readonly summary: {
    readonly mutants: number;
    readonly caught: number;
    readonly lax: { readonly total: number; readonly caught: number };
    readonly strict: { readonly total: number; readonly caught: number };
    /** Over every (mutant, seed) detection at default settings. */
    readonly casesToDetection: Spread;
    /** The same with the explicit examples off. */
    readonly generatedCasesToDetection: Spread;
  };
  readonly mutants: readonly MutantSummary[];
}

export function buildReport(
  mutants: readonly MutantSummary[],
  meta: Pick<MutationReport, 'startedAt' | 'finishedAt' | 'seeds' | 'runs'>,
): MutationReport {
  const count = (kind: 'lax' | 'strict') => {
    const of = mutants.filter((m) => m.kind === kind);
    return { total: of.length, caught: of.filter((m) => m.caught).length };
  };
  const all = (pick: (m: MutantSummary) => readonly (number | null)[] | undefined) =>
    spread(mutants.flatMap((m) => (pick(m) ?? []).filter((n): n is number => n !== null)));
  return {
    ...meta,
    summary: {
      mutants: mutants.length,
      caught: mutants.filter((m) => m.caught).length,
      lax: count('lax'),
      strict: count('strict'),
      casesToDetection: all((m) => m.casesToDetection.perSeed),
      generatedCasesToDetection: all((m) => m.generatedOnly?.perSeed),
    },
    mutants,
  };
}

/** A short, table-safe rendering of a value: JSON, long strings cut with their length. */
export function showValue(value: unknown, max = 150): string {
  let text = JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 24 ? `${v.slice(0, 10)}…${v.slice(-6)} (${v.length})` : v,
  );
  text ??= String(value);
  if (text.length > max) text = `${text.slice(0, max)}…`;
  return `\`${text.replace(/\|/g, '\\|').replace(/`/g, "'")}\``;
}

/** Generated cases to detection from which a bug class counts as slow to surface. */
const SLOW = 10;

function showSpread(s: Spread | undefined): string {
  return s?.median === undefined ? '–' : `${s.median} (${s.max})`;
}

export function renderMarkdown(report: MutationReport): string {
  const { summary: s } = report;
  const lines = [
    '# Mutation benchmark',
    '',
    `Seeds ${report.seeds.join(', ')}; ${report.runs} generated cases per rule; ${report.startedAt}.`,
    '',
    '| | Mutants | Caught |',
    '|---|---:|---:|',
    `| lax (accepts what it must reject) | ${s.lax.total} | ${s.lax.caught} |`,
    `| strict (rejects what it must accept) | ${s.strict.total} | ${s.strict.caught} |`,
    `| **all** | **${s.mutants}** | **${s.caught}** |`,
    '',
    `Cases to detection, median (max) over every mutant and seed: ${showSpread(s.casesToDetection)} at default settings, ${showSpread(s.generatedCasesToDetection)} with the explicit examples off.`,
    '',
    '| Mutant | Kind | Rule meant to catch it | Caught (seeds) | Caught by | Cases: default | Cases: generated only | Minimal counterexample |',
    '|---|---|---|---|---|---:|---:|---|',
  ];
  for (const m of report.mutants) {
    const caughtBy =
      m.caughtBy.length <= 3
        ? m.caughtBy.join(', ')
        : `${m.caughtBy.slice(0, 3).join(', ')} +${m.caughtBy.length - 3}`;
    const caught = `${m.caught ? 'yes' : '**NO**'} (${m.seedsCaught}/${m.casesToDetection.perSeed.length})`;
    const cx =
      m.counterexample === undefined
        ? '–'
        : `${m.counterexample.kind}: ${showValue(m.counterexample.value)}`;
    lines.push(
      `| \`${m.id}\`<br>${m.description.replace(/\|/g, '\\|')} | ${m.kind} | \`${m.rule}\` | ${caught} | ${caughtBy} | ${showSpread(m.casesToDetection)} | ${showSpread(m.generatedOnly)} | ${cx} |`,
    );
  }
  const slow = report.mutants
    .filter((m) => (m.generatedOnly?.median ?? 0) >= SLOW)
    .sort((a, b) => (b.generatedOnly?.median ?? 0) - (a.generatedOnly?.median ?? 0));
  if (slow.length > 0) {
    lines.push(
      '',
      `## Slowest for the generators alone (median of ${SLOW} or more generated cases)`,
      '',
      '| Mutant | Rule | Cases: generated only | Cases: default |',
      '|---|---|---:|---:|',
      ...slow.map(
        (m) =>
          `| \`${m.id}\` | \`${m.rule}\` | ${showSpread(m.generatedOnly)} | ${showSpread(m.casesToDetection)} |`,
      ),
    );
  }
  const alarms = report.mutants.filter((m) => m.falseAlarms.length > 0);
  if (alarms.length > 0) {
    lines.push('', '## Failures that are not witnesses', '');
    for (const m of alarms) lines.push(`- \`${m.id}\`: ${m.falseAlarms.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function writeMutationReport(report: MutationReport, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'mutation.json');
  const md = join(dir, 'mutation.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, renderMarkdown(report));
  return [json, md];
}
