import {
  describeActual,
  describeExpected,
  describeSource,
  mustFailures,
  STATUS_SYMBOL,
  targetTitle,
  toJson,
} from './describe.js';
import { cell, code, codeCell, fence, literal, plain, preview } from './markdown-text.js';
import type { Report, RuleResult, TargetReport } from './model.js';
import { replayCommand } from './replay.js';

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
  if (info.keyword !== undefined) lines.push(`- **Keyword:** ${info.keyword}`);
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
    lines.push(
      `- **Expected:** ${describeExpected(ce, r.exchange)}; **actual:** ${describeActual(ce, r.exchange)}`,
    );
    if (ce.likelyCause !== undefined) lines.push(`- **Likely cause:** ${plain(ce.likelyCause)}`);
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

/** Rules of one group, with their level and replay command, as a table. */
function ruleTable(report: Report, t: TargetReport, group: readonly RuleResult[]): string[] {
  return [
    '| Rule | Level | Replay |',
    '| --- | --- | --- |',
    ...group.map(
      (r) =>
        `| ${codeCell(r.rule)} | ${r.level} | ${codeCell(replayCommand(report, t.target.id, r))} |`,
    ),
    '',
  ];
}

/** A target that never started errors on every rule for one reason: one table, not N sections. */
function startErrorSection(report: Report, t: TargetReport, bad: readonly RuleResult[]): string[] {
  return [
    `The target could not be started, so every rule errored: ${literal(t.startError ?? '')}`,
    '',
    ...ruleTable(report, t, bad),
  ];
}

/**
 * Errors with the same message and target errors (a validator that throws on everything) are
 * one entry naming every rule: the first one in full, then the table of all of them.
 */
function sameErrorSection(report: Report, t: TargetReport, group: readonly RuleResult[]): string[] {
  const [first] = group;
  if (first === undefined) return [];
  const must = group.filter((r) => r.level === 'MUST').length;
  return [
    `#### ${STATUS_SYMBOL.error} ${group.length} rules errored the same way (${must} MUST, ${group.length - must} SHOULD)`,
    '',
    `- **Message:** ${literal(first.message ?? '')}`,
    '',
    'The first of them in full:',
    '',
    ...resultSection(report, t, first).map((l) => l.replace(/^####/, '#####')),
    `All ${group.length}:`,
    '',
    ...ruleTable(report, t, group),
  ];
}

const errorKey = (r: RuleResult): string =>
  JSON.stringify([r.message ?? '', r.counterexample?.errors ?? []]);

/** The failing results of a target as sections, errors with one message collapsed into one. */
function targetSections(report: Report, t: TargetReport, bad: readonly RuleResult[]): string[] {
  const groups = new Map<string, RuleResult[]>();
  for (const r of bad) {
    if (r.status !== 'error') continue;
    const list = groups.get(errorKey(r)) ?? [];
    list.push(r);
    groups.set(errorKey(r), list);
  }
  const lines: string[] = [];
  const shown = new Set<string>();
  for (const r of bad) {
    const group = r.status === 'error' ? (groups.get(errorKey(r)) ?? [r]) : [r];
    if (group.length < 2) lines.push(...resultSection(report, t, r));
    else if (!shown.has(errorKey(r))) {
      shown.add(errorKey(r));
      lines.push(...sameErrorSection(report, t, group));
    }
  }
  return lines;
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
    lines.push(...targetSections(report, t, bad));
  }
  return lines.length === 0 ? ['No failures and no errors.', ''] : lines;
}

/** A run stopped early (Ctrl-C or --max-failures): what it means, and the rules not run. */
function partialNotice(report: Report): string[] {
  const notRun = report.notRun ?? [];
  if (report.interrupted !== true && notRun.length === 0) return [];
  const why =
    report.interrupted === true
      ? '**Interrupted** (Ctrl-C): the results are those finished before it'
      : '**Stopped early** (`--max-failures`): the results are those run until then';
  const lines = [`${why}; ${notRun.length} rules were not run.`, ''];
  if (notRun.length > 0) {
    lines.push(
      `<details><summary>${notRun.length} rules not run</summary>`,
      '',
      notRun.map(code).join(', '),
      '',
      '</details>',
      '',
    );
  }
  return lines;
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
    ...partialNotice(report),
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
