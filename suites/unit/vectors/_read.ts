import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Reads exported vector files the way other implementations read the interop files, written
 * independently of src/vectors so the tests check the files, not the writer's own idea of them.
 */

export interface ReadValue {
  readonly value: string;
  /** The `#` comment lines right above the value, without the `# `. */
  readonly comments: string[];
}

/** The interop reader: split on \n or \r\n, skip `#` lines and empty lines, never trim. */
export function readTextValues(dir: string, name: string): string[] {
  return readFileSync(join(dir, name), 'utf8')
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#') && line.length > 0);
}

/** Values with the comment block above each (the header block belongs to no value). */
export function readTextWithComments(dir: string, name: string): ReadValue[] {
  const out: ReadValue[] = [];
  let comments: string[] = [];
  for (const line of readFileSync(join(dir, name), 'utf8').split(/\r?\n/)) {
    if (line.startsWith('#')) comments.push(line.replace(/^# ?/, ''));
    else if (line.length === 0) comments = [];
    else {
      out.push({ value: line, comments });
      comments = [];
    }
  }
  return out;
}

export interface JsonlCase {
  readonly kind: string;
  readonly value: unknown;
  readonly valid: boolean;
  readonly violates: string[];
}

export function readJsonl(dir: string, name = 'sessions.jsonl'): JsonlCase[] {
  return readFileSync(join(dir, name), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#') && line.length > 0)
    .map((line) => JSON.parse(line) as JsonlCase);
}

/** The `#` lines at the top of a file, before the first empty line. */
export function headerOf(dir: string, name: string): string {
  const text = readFileSync(join(dir, name), 'utf8');
  return text.slice(0, text.indexOf('\n\n'));
}
