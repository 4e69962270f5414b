import {
  abbreviate,
  describeActual,
  describeExpected,
  describeOutcome,
  describeSource,
  toJson,
} from './describe.js';
import { escapeControls } from './escape.js';
import { type Report, type RuleResult, summarize, type TargetReport } from './model.js';
import { replayCommand } from './replay.js';

/**
 * Characters XML 1.0 forbids even as character references: C0 controls other than tab, LF and CR,
 * U+FFFE, U+FFFF and unpaired surrogates. They are replaced by a visible `\uXXXX` so the file
 * stays well-formed and the value can still be read.
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters replaced
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function printable(text: string): string {
  // Allowed in XML but not meant to be shown raw (ESC sequences, DEL, C1, bidi controls).
  const shown = escapeControls(text, '\t\n\r');
  return shown.replace(FORBIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text content: `&` and `<` must be escaped, `>` too so `]]>` never appears, and CR as a reference
 * because parsers turn a literal CR (or CR LF) into LF.
 */
export function xmlText(text: string): string {
  return printable(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\r', '&#13;');
}

/** An attribute value in double quotes; tab, LF and CR as references so parsers keep them. */
export function xmlAttr(text: string): string {
  return xmlText(text).replaceAll('"', '&quot;').replaceAll('\t', '&#9;').replaceAll('\n', '&#10;');
}

function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

/** The body of a `<failure>` or `<error>`: what broke, the spec sentence, the value, the replay. */
function details(report: Report, target: TargetReport, r: RuleResult): string {
  const lines = [`${r.level} rule ${r.rule} ${r.status === 'fail' ? 'failed' : 'errored'}`];
  const info = report.rules[r.rule];
  if (info !== undefined) {
    const src = describeSource(info.source);
    lines.push(`Rule: ${info.summary}`, `Spec: ${src.where}`);
    if (info.keyword !== undefined) lines.push(`Keyword: ${info.keyword}`);
    if (src.quote !== undefined) lines.push(`Quote: ${src.quote}`);
  }
  if (r.message !== undefined) lines.push(`Message: ${r.message}`);
  const ce = r.counterexample;
  if (ce !== undefined) {
    lines.push(
      `Expected: ${describeExpected(ce, r.exchange)}; actual: ${describeActual(ce, r.exchange)}`,
    );
    if (ce.likelyCause !== undefined) lines.push(`Likely cause: ${ce.likelyCause}`);
    if (ce.violates !== undefined) lines.push(`Breaks: ${ce.violates.join(', ')}`);
    if (ce.errors !== undefined) lines.push(`Target said: ${ce.errors.join('\n')}`);
    lines.push(`Counterexample (${ce.kind}):`, toJson(ce.value, 2));
  }
  lines.push('Replay:', replayCommand(report, target.target.id, r));
  return lines.join('\n');
}

function failureMessage(r: RuleResult): string {
  if (r.message !== undefined) return abbreviate(r.message, 200);
  const ce = r.counterexample;
  if (ce === undefined) return r.status;
  return `${describeOutcome(ce, r.exchange)}: ${abbreviate(toJson(ce.value), 120)}`;
}

function testcase(report: Report, target: TargetReport, r: RuleResult): string {
  const head = `    <testcase${attrs({ classname: target.target.id, name: r.rule })}`;
  if (r.status === 'pass') return `${head}/>`;
  if (r.status === 'skip') {
    return `${head}>\n      <skipped${attrs({ message: r.message })}/>\n    </testcase>`;
  }
  const tag = r.status === 'fail' ? 'failure' : 'error';
  const type = r.baseline === 'known-failure' ? `${r.level} known-failure` : r.level;
  return [
    `${head}>`,
    `      <${tag}${attrs({ message: failureMessage(r), type })}>${xmlText(details(report, target, r))}</${tag}>`,
    '    </testcase>',
  ].join('\n');
}

function testsuite(report: Report, t: TargetReport): string {
  // Counted from the results, so the counts always match the elements below.
  const s = summarize(t.results);
  const open = `  <testsuite${attrs({
    name: t.target.id,
    tests: t.results.length,
    failures: s.fail,
    errors: s.error,
    skipped: s.skip,
    time: t.durationMs === undefined ? undefined : (t.durationMs / 1000).toFixed(3),
    timestamp: report.startedAt,
  })}>`;
  const props = {
    'target.name': t.target.name,
    'target.version': t.target.version,
    'target.language': t.target.language,
    'target.protocol': t.target.protocol,
    conformant: String(t.conformant),
    seed: report.seed,
    runs: report.runs,
    startError: t.startError,
  };
  const properties = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([name, value]) => `      <property${attrs({ name, value })}/>`);
  const body = [
    open,
    '    <properties>',
    ...properties,
    '    </properties>',
    ...t.results.map((r) => testcase(report, t, r)),
  ];
  if (t.stderr !== undefined && t.stderr.length > 0) {
    body.push(`    <system-err>${xmlText(t.stderr)}</system-err>`);
  }
  body.push('  </testsuite>');
  return body.join('\n');
}

/**
 * `junit.xml`: one `<testsuite>` per target and one `<testcase>` per target and rule
 * (classname = target id, name = rule id), for CI systems that show JUnit results.
 */
export function renderJunit(report: Report): string {
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const t of report.targets) {
    const s = summarize(t.results);
    total.tests += t.results.length;
    total.failures += s.fail;
    total.errors += s.error;
    total.skipped += s.skip;
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: report.tool.name, ...total })}>`,
    ...report.targets.map((t) => testsuite(report, t)),
    '</testsuites>',
    '',
  ].join('\n');
}
