import type { Bug } from './bugs.js';

/** Steps of the mutable syntax oracles that several of their bugs share. */

/** A length limit, or the off-by-one value a bug moves it to. */
export function limit(bug: Bug | undefined, value: number, moved: Partial<Record<Bug, number>>) {
  return (bug === undefined ? undefined : moved[bug]) ?? value;
}

/**
 * The string to check, after whatever a buggy validator does to its input first: `adjust` on a
 * string, `String(x)` of anything but null and undefined under the `stringify` bug (template
 * strings and `str()` turn `['alice.test']` into `alice.test`).
 */
export function inputString(
  input: unknown,
  bug: Bug | undefined,
  stringify: Bug,
  adjust: (s: string) => string,
): string | undefined {
  if (typeof input === 'string') return adjust(input);
  if (bug === stringify && input !== null && input !== undefined) return String(input);
  return undefined;
}

/** Python's `re.match(r'...$')`: `$` also matches just before a final newline. */
export function dollarNewline(s: string): string {
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}
