import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The package's own folder, found by walking up from this file. Works from the TypeScript
 * sources and from the built `dist/` alike, so shipped data files (vendor/, schemas/) resolve.
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const { name } = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string };
      if (name === 'atproto-session-conformance') {
        root = dir;
        return dir;
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the atproto-session-conformance package root');
    dir = up;
  }
}

export function resourcePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

export function readResource(...parts: string[]): string {
  return readFileSync(resourcePath(...parts), 'utf8');
}
