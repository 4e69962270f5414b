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
  readonly notes: string[];
}

/** The lines of a strict JSON Lines file: every line ends in \n, an empty file has none. */
export function jsonlLines(dir: string, name = 'sessions.jsonl'): string[] {
  const text = readFileSync(join(dir, name), 'utf8');
  if (text === '') return [];
  if (!text.endsWith('\n')) throw new Error(`${name} does not end with a line break`);
  return text.slice(0, -1).split('\n');
}

/**
 * A strict JSON Lines reader: JSON.parse on every line, so a blank line, a comment or any other
 * text throws; each line must hold an object.
 */
export function readJsonl(dir: string, name = 'sessions.jsonl'): JsonlCase[] {
  return jsonlLines(dir, name).map((line, i) => {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`${name} line ${i + 1} is not a JSON object: ${line}`);
    }
    return parsed as JsonlCase;
  });
}

/** The `#` lines at the top of a text file, before the first empty line. */
export function headerOf(dir: string, name: string): string {
  const text = readFileSync(join(dir, name), 'utf8');
  return text.slice(0, text.indexOf('\n\n'));
}

/** The parsed vectors.json manifest. */
export function readManifest(dir: string): Record<string, unknown> & {
  files: Record<string, { values: number; holds: string }>;
  settings: Record<string, unknown>;
  about: string[];
} {
  return JSON.parse(readFileSync(join(dir, 'vectors.json'), 'utf8'));
}
