import type { Report } from '../report/model.js';
import { type Paint, painter, terminalText } from './terminal.js';

/**
 * The plain-text summary printed at the end of a run. Target texts are escaped; `paint` colours
 * the verdict (plain by default).
 */
export function summaryTable(report: Report, paint: Paint = painter(false)): string {
  const rows = report.targets.map((t) => [
    terminalText(t.target.id),
    terminalText(t.target.version ?? ''),
    t.conformant ? 'yes' : 'NO',
    String(t.summary.pass),
    String(t.summary.fail),
    String(t.summary.error),
    String(t.summary.skip),
  ]);
  const head = ['target', 'version', 'conformant', 'pass', 'fail', 'error', 'skip'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (c: string, i: number): string =>
    i >= 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0);
  const line = (cells: readonly string[]): string => `${cells.map(pad).join('  ')}\n`;
  const coloured = (cells: readonly string[]): string =>
    `${cells
      .map((c, i) => {
        const text = pad(c, i);
        if (i === 2) return paint(c === 'yes' ? 'green' : 'red', text);
        if ((i === 4 || i === 5) && c !== '0') return paint('red', text);
        return text;
      })
      .join('  ')}\n`;
  return [
    `${paint('bold', line(head).trimEnd())}\n`,
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(coloured),
  ].join('');
}
