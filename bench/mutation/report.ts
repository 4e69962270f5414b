import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt } from '../../src/spec/jwt.js';
import type { LiveMutantSummary } from './live-certify.js';
import { decodingSection } from './report-decoding.js';
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
    /** The live-check mutants (coherence and DID method policy). */
    readonly live?: LiveTotals;
  };
  readonly mutants: readonly MutantSummary[];
  readonly liveMutants?: readonly LiveMutantSummary[];
}

export interface LiveTotals {
  readonly mutants: number;
  readonly caught: number;
  readonly lax: { readonly total: number; readonly caught: number };
  readonly strict: { readonly total: number; readonly caught: number };
  /** Over every (mutant, seed) detection. */
  readonly casesToDetection: Spread;
}

type Caught = { readonly kind: 'lax' | 'strict'; readonly caught: boolean };

function countOf(items: readonly Caught[], kind: 'lax' | 'strict') {
  const of = items.filter((m) => m.kind === kind);
  return { total: of.length, caught: of.filter((m) => m.caught).length };
}

function liveTotals(live: readonly LiveMutantSummary[]): LiveTotals {
  return {
    mutants: live.length,
    caught: live.filter((m) => m.caught).length,
    lax: countOf(live, 'lax'),
    strict: countOf(live, 'strict'),
    casesToDetection: spread(
      live.flatMap((m) => m.casesToDetection.perSeed.filter((n): n is number => n !== null)),
    ),
  };
}

export function buildReport(
  mutants: readonly MutantSummary[],
  meta: Pick<MutationReport, 'startedAt' | 'finishedAt' | 'seeds' | 'runs'>,
  live?: readonly LiveMutantSummary[],
): MutationReport {
  const all = (pick: (m: MutantSummary) => readonly (number | null)[] | undefined) =>
    spread(mutants.flatMap((m) => (pick(m) ?? []).filter((n): n is number => n !== null)));
  return {
    ...meta,
    summary: {
      mutants: mutants.length,
      caught: mutants.filter((m) => m.caught).length,
      lax: countOf(mutants, 'lax'),
      strict: countOf(mutants, 'strict'),
      casesToDetection: all((m) => m.casesToDetection.perSeed),
      generatedCasesToDetection: all((m) => m.generatedOnly?.perSeed),
      ...(live !== undefined ? { live: liveTotals(live) } : {}),
    },
    mutants,
    ...(live !== undefined ? { liveMutants: live } : {}),
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
    ...(s.live !== undefined
      ? [
          '',
          `Live checks (coherence and DID method policy, [below](#live-checks)): ${s.live.caught}/${s.live.mutants} mutants caught (lax ${s.live.lax.caught}/${s.live.lax.total}, strict ${s.live.strict.caught}/${s.live.strict.total}); cases to detection, median (max): ${showSpread(s.live.casesToDetection)}.`,
        ]
      : []),
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
  const decoding = decodingSection(report.mutants);
  if (decoding.length > 0) lines.push('', ...decoding);
  if (report.liveMutants !== undefined) lines.push('', ...liveSection(report.liveMutants));
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

/** The token claims (with the header's `typ`) each token rule looks at. */
const TOKEN_CLAIMS: Readonly<Record<string, readonly string[]>> = {
  'coherence.token.access-typ': ['typ'],
  'coherence.token.refresh-typ': ['typ'],
  'coherence.token.sub-is-did': ['sub'],
  'coherence.token.aud-is-did': ['aud'],
  'coherence.token.exp-after-iat': ['iat', 'exp'],
  'coherence.token.scope': ['scope'],
};

/** A token as its parts, each decoded where it is base64url JSON (a claims object summarized). */
function tokenParts(token: string): unknown[] {
  return token.split('.').map((part, i) => {
    const decoded = decodedPart(part);
    return i === 1 && isPlainObject(decoded) ? `{${Object.keys(decoded).join(',')}}` : decoded;
  });
}

function tokenView(token: unknown, rules: readonly string[]): unknown {
  if (rules.includes('coherence.token.jwt-shape')) {
    return typeof token === 'string' ? tokenParts(token) : token;
  }
  const jwt = decodeJwt(token);
  if (jwt === undefined) return token;
  const claims: Record<string, unknown> = { typ: jwt.header.typ, ...jwt.payload };
  const keys = [...new Set(rules.flatMap((r) => TOKEN_CLAIMS[r] ?? []))];
  return Object.fromEntries(keys.filter((k) => k in claims).map((k) => [k, claims[k]]));
}

/**
 * A live witness cut down to the fields its rules look at, tokens decoded to those claims (a
 * missing claim is left out); mutation.json holds the whole value.
 */
function liveWitnessView(rules: readonly string[], value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const view: Record<string, unknown> = { handle: value.handle, did: value.did };
  const about = (prefix: string): boolean => rules.some((r) => r.startsWith(prefix));
  if (about('coherence.token.')) {
    for (const field of ['accessJwt', 'refreshJwt']) {
      if (value[field] !== undefined) view[field] = tokenView(value[field], rules);
    }
  }
  if (about('coherence.did-doc.') && isPlainObject(value.didDoc)) {
    view.didDoc = { id: value.didDoc.id, alsoKnownAs: value.didDoc.alsoKnownAs };
  }
  if (about('coherence.status.'))
    Object.assign(view, { status: value.status, active: value.active });
  return view;
}

function decodedPart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return part;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function liveSection(live: readonly LiveMutantSummary[]): string[] {
  const lines = [
    '## Live checks',
    '',
    'Seeded bugs in the single-value checks of live mode (session coherence, DID method policy), each compared with the reference check on the same generated values: a lax mutant on the cases of its rule, a strict one on coherent sessions or valid DIDs. Cases to detection: median (max) over the seeds.',
    '',
    '| Mutant | Kind | Rule | Caught (seeds) | Disagree on | Cases to detection | Minimal witness |',
    '|---|---|---|---|---|---:|---|',
  ];
  for (const m of live) {
    const caught = `${m.caught ? 'yes' : '**NO**'} (${m.seedsCaught}/${m.casesToDetection.perSeed.length})`;
    const witness =
      m.witness === undefined ? '–' : showValue(liveWitnessView(m.caughtBy, m.witness), 300);
    lines.push(
      `| \`${m.id}\`<br>${m.description.replace(/\|/g, '\\|')} | ${m.kind} | \`${m.rule}\` | ${caught} | ${m.caughtBy.join(', ')} | ${showSpread(m.casesToDetection)} | ${witness} |`,
    );
  }
  return lines;
}

export function writeMutationReport(report: MutationReport, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'mutation.json');
  const md = join(dir, 'mutation.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, renderMarkdown(report));
  return [json, md];
}
