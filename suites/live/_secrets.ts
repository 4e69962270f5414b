import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redactor } from '../../src/live/redact.js';

/** A redactor that also remembers every token it was given, so tests can look for leaks. */
export class RecordingRedactor extends Redactor {
  readonly tokens: string[] = [];

  override addToken(token: unknown, kind: 'access' | 'refresh'): void {
    if (typeof token === 'string' && !this.tokens.includes(token)) this.tokens.push(token);
    super.addToken(token, kind);
  }
}

/** Any compact JWT whose header and claims are JSON objects (they start with `eyJ`). */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

/** The secrets (and JWT-shaped strings) found in a text; empty when it is clean. */
export function leaks(text: string, secrets: readonly string[]): string[] {
  const found = secrets
    .filter((s) => s.length > 0 && text.includes(s))
    .map((s) => `${s.slice(0, 12)}…`);
  const jwt = JWT_PATTERN.exec(text);
  if (jwt !== null) found.push(`JWT ${jwt[0].slice(0, 20)}…`);
  return found;
}

/** Every file in a folder, as text, by name. */
export async function readAll(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(dir)) out[name] = await readFile(join(dir, name), 'utf8');
  return out;
}
