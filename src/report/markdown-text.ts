import { cut, toJson } from './describe.js';
import { escapeControls } from './escape.js';

/* Markdown text: escaping for table cells, code spans, fenced blocks and prose. */

/** Control characters would vanish, break lines or reorder text in prose: shown as `\uXXXX`. */
const visible = (text: string): string => escapeControls(text);

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
export function codeCell(text: string): string {
  return code(text).replaceAll('|', '\\|');
}

/** A fenced block that no line of `body` can close early. */
export function fence(lang: string, body: string): string {
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${lang}\n${body}\n${ticks}`;
}

/** Text on one line outside tables (headings): newlines become spaces. */
export function plain(text: string): string {
  return visible(text.replace(/\r\n|\r|\n/g, ' '))
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;');
}

/** A value in prose: its JSON, cut short when long; the full value goes in a block after it. */
export function preview(value: unknown): string {
  const c = cut(toJson(value));
  return c.cut ? `${code(c.text)} (${c.length} characters of JSON in full below)` : code(c.text);
}

/** Short one-line text inline; anything longer or multi-line as a block. */
export function literal(text: string): string {
  if (!text.includes('\n') && text.length <= 120) return code(text);
  const lines = text.split(/\r\n|\r|\n/).map(visible);
  return `\n\n${fence('text', lines.join('\n'))}\n`;
}
