import {
  cut,
  describeActual,
  describeExpected,
  describeSource,
  mustFailures,
  STATUS_SYMBOL,
  targetTitle,
  toJson,
} from './describe.js';
import type { Report, RuleResult, TargetReport } from './model.js';
import { replayCommand } from './replay.js';

/** Control characters would vanish or break lines in prose; they are shown as `\uXXXX`. */
function visible(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters replaced
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A table cell: `|` would end the cell and a newline the row; `<` could open HTML. */
export function cell(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      visible(line).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('|', '\\|'),
    )
    .join('<br>');
}

/** An inline code span that holds any text: the fence is longer than any backtick run inside. */
export function code(text: string): string {
  const shown = visible(text);
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${shown}${pad}${ticks}`;
}

/** A code span in a table cell: inside code `&` and `<` are literal, only `|` needs escaping. */
function codeCell(text: string): string {
  return code(text).replaceAll('|', '\\|');
}

/** A fenced block that no line of `body` can close early. */
export function fence(lang: string, body: string): string {
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${lang}\n${body}\n${ticks}`;
}

/** Text on one line outside tables (headings): newlines become spaces. */
function plain(text: string): string {
  return visible(text.replace(/\r\n|\r|\n/g, ' '))
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;');
}

/** A value in prose: its JSON, cut short when long; the full value goes in a block after it. */
function preview(value: unknown): string {
  const c = cut(toJson(value));
  return c.cut ? `${code(c.text)} (${c.length} characters of JSON in full below)` : code(c.text);
}

/** Short one-line text inline; anything longer or multi-line as a block. */
function literal(text: string): string {
  if (!text.includes('\n') && text.length <= 120) return code(text);
  const lines = text.split(/\r\n|\r|\n/).map(visible);
  return `\n\n${fence('text', lines.join('\n'))}\n`;
}

function summaryTable(report: Report): string[] {
  const lines = [
    '| Target | Name / version | Conformant | Pass | Fail | Error | Skip | MUST failures |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const t of report.targets) {
    const s = t.summary;
    const row = [
      codeCell(t.target.id),
      cell(targetTitle(t)),
      t.conformant ? 'yes' : '**no**',
      s.pass,
      s.fail,
      s.error,
      s.skip,
      mustFailures(t),
    ];
    lines.push(`| ${row.join(' | ')} |`);
  }
  return lines;
}

function sourceLines(report: Report, rule: string): string[] {
  const info = report.rules[rule];
  if (info === undefined) return [];
  const src = describeSource(info.source);
  const place = info.source.kind === 'spec' ? `<${src.url}>` : `${code(src.where)} (<${src.url}>)`;
  const lines = [`- **Rule:** ${info.summary}`, `- **Spec:** ${place}`];
  if (src.quote !== undefined) {
    lines.push('', ...src.quote.split(/\r?\n/).map((l) => `  > ${l}`), '');
  }
  return lines;
}

function resultSection(report: Report, target: TargetReport, r: RuleResult): string[] {
  const lines = [
    `#### ${STATUS_SYMBOL[r.status]} ${code(r.rule)} (${r.level}, ${r.status})`,
    '',
    `- **Target:** ${code(target.target.id)}`,
  ];
  lines.push(...sourceLines(report, r.rule));
  if (r.baseline === 'known-failure') lines.push('- **Baseline:** known failure');
  if (r.message !== undefined) lines.push(`- **Message:** ${literal(r.message)}`);
  const ce = r.counterexample;
  if (ce !== undefined) {
    lines.push(`- **Expected:** ${describeExpected(ce)}; **actual:** ${describeActual(ce)}`);
    if (ce.violates !== undefined && ce.violates.length > 0) {
      lines.push(`- **Breaks:** ${ce.violates.map(code).join(', ')}`);
    }
    if (ce.errors !== undefined && ce.errors.length > 0) {
      lines.push(`- **Target said:** ${literal(ce.errors.join('\n'))}`);
    }
    if (r.casesToFailure !== undefined) {
      const fromExample = r.replay?.path?.startsWith('example:') === true;
      lines.push(
        fromExample
          ? `- **Found by:** explicit example ${r.casesToFailure} of ${r.examples ?? r.casesToFailure} (interop vectors and edge cases run before the ${r.runs} generated cases)`
          : `- **Found after:** ${r.casesToFailure} cases (${r.examples ?? 0} explicit examples, then generated cases; ${r.runs} generated in all)`,
      );
    }
    lines.push(
      `- **Counterexample** (${code(ce.kind)}): ${preview(ce.value)}`,
      '',
      fence('json', toJson(ce.value, 2)),
    );
  }
  if (r.exchange?.response !== undefined) {
    const res = r.exchange.response;
    lines.push(
      '',
      `- **Exchange:** ${code(`${r.exchange.request.method} ${r.exchange.request.url}`)} → ${res.status}`,
    );
    if (res.body !== undefined) lines.push('', fence('json', toJson(res.body, 2)));
  }
  lines.push('', 'Replay:', '', fence('sh', replayCommand(report, target.target.id, r)), '');
  return lines;
}

/** A target that never started errors on every rule for one reason: one table, not N sections. */
function startErrorSection(report: Report, t: TargetReport, bad: readonly RuleResult[]): string[] {
  return [
    `The target could not be started, so every rule errored: ${literal(t.startError ?? '')}`,
    '',
    '| Rule | Level | Replay |',
    '| --- | --- | --- |',
    ...bad.map(
      (r) =>
        `| ${codeCell(r.rule)} | ${r.level} | ${codeCell(replayCommand(report, t.target.id, r))} |`,
    ),
    '',
  ];
}

function failureSections(report: Report): string[] {
  const lines: string[] = [];
  for (const t of report.targets) {
    const bad = t.results.filter((r) => r.status === 'fail' || r.status === 'error');
    if (bad.length === 0) continue;
    lines.push(`### ${code(t.target.id)}: ${plain(targetTitle(t))}`, '');
    if (t.startError !== undefined && bad.every((r) => r.status === 'error')) {
      lines.push(...startErrorSection(report, t, bad));
      continue;
    }
    for (const r of bad) lines.push(...resultSection(report, t, r));
  }
  return lines.length === 0 ? ['No failures and no errors.', ''] : lines;
}

function skipTable(report: Report): string[] {
  const rows = report.targets.flatMap((t) =>
    t.results
      .filter((r) => r.status === 'skip')
      .map((r) => `| ${codeCell(t.target.id)} | ${codeCell(r.rule)} | ${cell(r.message ?? '')} |`),
  );
  if (rows.length === 0) return [];
  return [
    '## Skipped',
    '',
    `<details><summary>${rows.length} skipped results</summary>`,
    '',
    '| Target | Rule | Reason |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '</details>',
    '',
  ];
}

/**
 * `report.md`: a summary table per target, then every failure and error with its rule, spec
 * sentence, minimal counterexample and replay command.
 */
export function renderMarkdown(report: Report): string {
  const meta = [
    `${report.tool.name} ${report.tool.version}`,
    `profile ${code(report.profile)}`,
    `seed ${code(String(report.seed))}`,
    `${report.runs} generated cases per rule`,
    `started ${report.startedAt}`,
    `finished ${report.finishedAt}`,
  ];
  if (report.shard !== undefined) meta.push(`shard ${report.shard}`);
  const lines = [
    '# Conformance report: AT Protocol session object',
    '',
    meta.join(' · '),
    '',
    '## Summary',
    '',
    ...summaryTable(report),
    '',
    'Conformant: no MUST rule failed or errored. MUST failures counts MUST rules that failed or errored.',
    '',
    '## Failures and errors',
    '',
    ...failureSections(report),
    ...skipTable(report),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
