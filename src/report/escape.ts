/*
 * Text that comes from a target (its name, version, messages, stderr) may hold control
 * characters: an ESC sequence would recolour a terminal, a bidi override would reorder what a
 * reader sees. Every renderer but JSON shows them as visible `\uXXXX` escapes.
 */

/** C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates, line/paragraph separators. */
const CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters escaped
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const asEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with every control character escaped, except those in `keep` (say `'\n\t'` for a
 * multi-line block, where line breaks and tabs are layout).
 */
export function escapeControls(text: string, keep = ''): string {
  return text.replace(CONTROLS, (c) => (keep.includes(c) ? c : asEscape(c)));
}
