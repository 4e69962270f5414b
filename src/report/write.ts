import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { Report } from './model.js';
import { maskSecrets } from './redact.js';

export type Format = 'json' | 'md' | 'junit' | 'html';

/** Every format, in the order files are written. */
export const FORMATS: readonly Format[] = ['json', 'md', 'junit', 'html'];

/** The file each format writes, inside the output folder. */
export const FILE_NAMES: Readonly<Record<Format, string>> = {
  json: 'report.json',
  md: 'report.md',
  junit: 'junit.xml',
  html: 'report.html',
};

const RENDER: Readonly<Record<Format, (report: Report) => string>> = {
  json: renderJson,
  md: renderMarkdown,
  junit: renderJunit,
  html: renderHtml,
};

/** An unknown or empty `--format` list. The CLI turns it into a usage error (exit code 2). */
export class FormatError extends Error {
  override readonly name = 'FormatError';
}

function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

/**
 * Parses a comma-separated list such as `json,md`; `all` means every format. Duplicates are
 * dropped and the result is in `FORMATS` order. Throws `FormatError` naming the bad entry.
 */
export function parseFormats(text: string): Format[] {
  const names = text
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n.length > 0);
  if (names.length === 0) {
    throw new FormatError(`no report format given (expected ${FORMATS.join(', ')} or all)`);
  }
  const chosen = new Set<Format>();
  for (const name of names) {
    if (name === 'all') for (const f of FORMATS) chosen.add(f);
    else if (isFormat(name)) chosen.add(name);
    else {
      throw new FormatError(
        `unknown report format ${JSON.stringify(name)} (expected ${FORMATS.join(', ')} or all)`,
      );
    }
  }
  return FORMATS.filter((f) => chosen.has(f));
}

export interface WriteOptions {
  readonly outDir: string;
  /** Defaults to every format. */
  readonly formats?: readonly Format[];
  /** Masked in every file, with anything JWT-shaped (always masked in live reports). */
  readonly secrets?: readonly string[];
}

/**
 * Renders and writes the chosen formats into `outDir` (created if missing) and returns the paths
 * written. Each file is written beside its final name and then renamed, so a reader never sees a
 * half-written report.
 */
export async function writeReports(report: Report, options: WriteOptions): Promise<string[]> {
  const formats = FORMATS.filter((f) => (options.formats ?? FORMATS).includes(f));
  // Validator reports hold generated test tokens, no secrets; live reports hold a server's.
  const mask =
    options.secrets !== undefined ||
    report.targets.some((t) => t.target.kinds?.includes('live') === true);
  await mkdir(options.outDir, { recursive: true });
  const written: string[] = [];
  for (const format of formats) {
    const path = join(options.outDir, FILE_NAMES[format]);
    const temp = `${path}.${process.pid}.tmp`;
    const text = RENDER[format](report);
    await writeFile(temp, mask ? maskSecrets(text, options.secrets) : text, 'utf8');
    await rename(temp, path);
    written.push(path);
  }
  return written;
}
