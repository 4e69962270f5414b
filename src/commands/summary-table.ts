import type { Report } from '../report/model.js';

/** The plain-text summary printed at the end of a run. */
export function summaryTable(report: Report): string {
  const rows = report.targets.map((t) => [
    t.target.id,
    t.target.version ?? '',
    t.conformant ? 'yes' : 'NO',
    String(t.summary.pass),
    String(t.summary.fail),
    String(t.summary.error),
    String(t.summary.skip),
  ]);
  const head = ['target', 'version', 'conformant', 'pass', 'fail', 'error', 'skip'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `${cells.map((c, i) => (i >= 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ')}\n`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('');
}
