import { createHash } from 'node:crypto';
import {
  describeActual,
  describeExpected,
  describeSource,
  mustFailures,
  plural,
  rulesByArea,
  STATUS_SYMBOL,
  targetTitle,
  toJson,
} from './describe.js';
import { escapeControls } from './escape.js';
import { HTML_SCRIPT } from './html-script.js';
import { HTML_STYLE } from './html-style.js';
import { type Report, type RuleResult, STATUSES, type TargetReport } from './model.js';
import { replayCommand } from './replay.js';

/** Control characters of target texts as `\uXXXX`; line breaks and tabs are layout. */
const shown = (text: string): string => escapeControls(text, '\n\t');

/**
 * Text and attribute values: the five characters that can change HTML structure, and control
 * characters shown as escapes.
 */
export function escapeHtml(text: string): string {
  return shown(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * JSON for a `<script type="application/json">` block. `<`, `>` and `&` only occur inside JSON
 * strings, where `\u003c` means the same thing, so `</script>` and `<!--` in a value cannot end
 * or alter the block. U+2028/2029 are escaped too, for readers that treat them as line ends.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** What the page script needs for the details panel, with every text already worded. */
function viewResult(report: Report, t: TargetReport, r: RuleResult): Record<string, unknown> {
  const ce = r.counterexample;
  const ex = r.exchange;
  return {
    rule: r.rule,
    level: r.level,
    status: r.status,
    runs: r.runs,
    kinds: r.kinds.join(', '),
    message: r.message === undefined ? undefined : shown(r.message),
    baseline: r.baseline,
    casesToFailure: r.casesToFailure,
    counterexample: ce && {
      kind: ce.kind,
      json: toJson(ce.value, 2),
      expected: describeExpected(ce, ex),
      actual: describeActual(ce, ex),
      likelyCause: ce.likelyCause,
      violates: ce.violates,
      errors: ce.errors?.map(shown),
    },
    exchange: ex && {
      request: `${ex.request.method} ${ex.request.url}`,
      requestBody: ex.request.body === undefined ? undefined : toJson(ex.request.body, 2),
      response:
        ex.response &&
        `HTTP ${ex.response.status}${ex.response.contentType ? ` (${ex.response.contentType})` : ''}`,
      responseBody: ex.response?.body === undefined ? undefined : toJson(ex.response.body, 2),
    },
    replay: replayCommand(report, t.target.id, r),
  };
}

function view(report: Report): unknown {
  return {
    rules: Object.entries(report.rules).map(([id, info]) => ({
      id,
      level: info.level,
      area: info.area,
      summary: info.summary,
      keyword: info.keyword,
      ...describeSource(info.source),
    })),
    targets: report.targets.map((t) => ({
      id: t.target.id,
      title: shown(targetTitle(t)),
      results: t.results.map((r) => viewResult(report, t, r)),
    })),
  };
}

function card(t: TargetReport): string {
  const s = t.summary;
  const counts = STATUSES.map(
    (st) =>
      `<li class="${st}${s[st] === 0 ? ' zero' : ''}">${STATUS_SYMBOL[st]} ${s[st]} ${st}</li>`,
  ).join('');
  const version =
    t.target.version === undefined
      ? ''
      : ` <span class="version">${escapeHtml(t.target.version)}</span>`;
  const verdict = t.conformant
    ? '<span class="verdict yes">✓ Conformant</span>'
    : `<span class="verdict no">✗ Not conformant · ${mustFailures(t)} MUST</span>`;
  const start =
    t.startError === undefined
      ? ''
      : `<p class="start-error">Could not start: ${escapeHtml(t.startError)}</p>`;
  return `<section class="card" data-target="${escapeHtml(t.target.id)}" data-conformant="${t.conformant}">
<h2>${escapeHtml(t.target.name)}${version}</h2>
<p class="id mono">${escapeHtml(t.target.id)}</p>
${verdict}
<ul class="counts">${counts}</ul>${start}
</section>`;
}

/**
 * A short column label: a built-in id as is, a module by its file name, a command by its last
 * word, cut to fit. The full name, version and id are in the tooltip and the card.
 */
export function shortLabel(id: string): string {
  const m = /^(module|cmd):(.*)$/s.exec(id);
  const word = m === null ? id : ((m[2] ?? '').trim().split(/\s+/).at(-1) ?? '');
  const base = m === null ? word : `${m[1]}:${word.split(/[\\/]/).at(-1) ?? word}`;
  return Array.from(base).length > 16 ? `${Array.from(base).slice(0, 15).join('')}…` : base;
}

function columnHead(t: TargetReport, col: number): string {
  const full = `${targetTitle(t)} — ${t.target.id}${t.conformant ? ' — conformant' : ` — not conformant (${mustFailures(t)} MUST)`}`;
  const mark = t.conformant
    ? '<span class="mark yes">✓</span>'
    : `<span class="mark no">✗ ${mustFailures(t)}</span>`;
  return `<th scope="col" data-col="${col}" title="${escapeHtml(full)}"><span class="tid">${escapeHtml(shortLabel(t.target.id))}</span>${mark}</th>`;
}

function matrixCell(t: TargetReport, col: number, rule: string): string {
  const r = t.results.find((x) => x.rule === rule);
  const common = `data-rule="${escapeHtml(rule)}" data-target="${escapeHtml(t.target.id)}" data-col="${col}"`;
  if (r === undefined) {
    return `<td><span class="cell absent" ${common} data-status="absent" title="not run">·<span class="label">n/a</span></span></td>`;
  }
  const known = r.baseline === 'known-failure' ? '<span class="known">known</span>' : '';
  const label = `${rule} on ${t.target.name}: ${r.status}${r.baseline ? ` (${r.baseline})` : ''}`;
  return `<td><button type="button" class="cell ${r.status}" ${common} data-status="${r.status}" aria-label="${escapeHtml(label)}"><span class="sym" aria-hidden="true">${STATUS_SYMBOL[r.status]}</span>${r.status}${known}</button></td>`;
}

function matrix(report: Report): string {
  const targets = report.targets;
  const head = `<thead><tr><th scope="col" class="corner">Rule</th>${targets.map(columnHead).join('')}</tr></thead>`;
  const bodies = rulesByArea(report).map(({ area, rules }) => {
    const rows = rules.map((rule) => {
      const info = report.rules[rule];
      const level =
        info?.level ?? targets.flatMap((t) => t.results).find((r) => r.rule === rule)?.level;
      const clean = targets.every((t) => {
        const status = t.results.find((r) => r.rule === rule)?.status;
        return status !== 'fail' && status !== 'error';
      });
      const levelTag =
        level === undefined ? '' : `<span class="level ${level.toLowerCase()}">${level}</span>`;
      const summary =
        info === undefined
          ? ''
          : `<div class="summary" title="${escapeHtml(info.summary)}">${escapeHtml(info.summary)}</div>`;
      const cells = targets.map((t, col) => matrixCell(t, col, rule)).join('');
      return `<tr data-rule-row="${escapeHtml(rule)}" data-clean="${clean}"><th scope="row" class="rule"><div class="line"><code>${escapeHtml(rule)}</code>${levelTag}</div>${summary}</th>${cells}</tr>`;
    });
    const title = `<tr class="area"><th colspan="${targets.length + 1}">${escapeHtml(area)}<span class="n">${plural(rules.length, 'rule')}</span></th></tr>`;
    return `<tbody data-area="${escapeHtml(area)}">${title}\n${rows.join('\n')}</tbody>`;
  });
  return `<table class="matrix">${head}\n${bodies.join('\n')}</table>`;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');

/**
 * `report.html`: one self-contained page, a matrix of rules (rows, grouped by area) by targets
 * (columns) with a details panel. The Content-Security-Policy allows only this page's own style
 * and script (by hash) and no network at all, so even an escaping bug could not run injected code.
 */
export function renderHtml(report: Report): string {
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${sha256(HTML_STYLE)}'`,
    `script-src 'sha256-${sha256(HTML_SCRIPT)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const meta = [
    `${report.tool.name} ${report.tool.version}`,
    `profile ${report.profile}`,
    `seed ${report.seed}`,
    `${report.runs} cases per rule`,
    `started ${report.startedAt}`,
    `finished ${report.finishedAt}`,
    ...(report.shard === undefined ? [] : [`shard ${report.shard}`]),
  ].map((m) => `<span>${escapeHtml(m)}</span>`);
  const partial =
    report.interrupted === true || report.notRun !== undefined
      ? `<p class="partial">${report.interrupted === true ? 'Interrupted (Ctrl-C)' : 'Stopped early (--max-failures)'}: ${plural(report.notRun?.length ?? 0, 'rule')} not run; the results are those finished before.</p>`
      : '';
  const legend = STATUSES.map((s) => `<li class="${s}">${STATUS_SYMBOL[s]} ${s}</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Conformance report: AT Protocol session object</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header class="page">
<h1>Conformance report: AT Protocol session object</h1>
<p class="meta">${meta.join('')}</p>
${partial}</header>
<main>
<div class="cards">${report.targets.map(card).join('\n')}</div>
<div class="toolbar">
<ul class="legend" aria-label="Legend">${legend}</ul>
<label><input type="checkbox" id="only-problems"> Only rules with failures or errors</label>
</div>
<div class="layout">
<div class="matrix-wrap">${matrix(report)}</div>
<aside class="details" id="details" aria-live="polite"><p class="empty">Select a cell to see the result: the counterexample, the rule's source and the replay command.</p></aside>
</div>
</main>
<footer>Conformant: no MUST rule failed or errored. Every cell is a button; its details show how to replay it.</footer>
<script type="application/json" id="report-data">${scriptJson(view(report))}</script>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}
