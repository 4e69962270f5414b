import { accessSync, constants, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './common.js';

/*
 * Output paths are checked before any work starts, so a typo cannot cost a finished run. A check
 * creates nothing that stays: it probes the folder that would hold the output by making and
 * removing an empty temporary folder there (which also works for root, for whom permission
 * bits say little).
 */

function kindOf(path: string): 'dir' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
}

/** The nearest existing ancestor of a missing path (or the path itself when it exists). */
function nearestExisting(path: string): string {
  let p = resolve(path);
  while (kindOf(p) === 'missing' && dirname(p) !== p) p = dirname(p);
  return p;
}

function probe(flag: string, path: string, dir: string): void {
  try {
    rmdirSync(mkdtempSync(join(dir, '.atproto-conformance-probe-')));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`${flag} ${path}: cannot write in ${dir} (${code})`);
  }
}

/** A folder the command will create if needed and write files into (`--out DIR`). */
export function checkOutputDir(flag: string, path: string): void {
  if (kindOf(path) === 'other') throw new UsageError(`${flag} ${path}: is a file, not a folder`);
  const base = nearestExisting(path);
  if (kindOf(base) !== 'dir') {
    throw new UsageError(`${flag} ${path}: ${base} is a file, so no folder can be made under it`);
  }
  probe(flag, path, base);
}

/** A file the command will write (`--write-baseline FILE`); its folder is made if needed. */
export function checkOutputFile(flag: string, path: string): void {
  const kind = kindOf(path);
  if (kind === 'dir') throw new UsageError(`${flag} ${path}: is a folder, not a file`);
  if (kind === 'other') {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new UsageError(`${flag} ${path}: the file is not writable`);
    }
  }
  const base = nearestExisting(dirname(resolve(path)));
  if (kindOf(base) !== 'dir') {
    throw new UsageError(`${flag} ${path}: ${base} is a file, so no folder can be made under it`);
  }
  probe(flag, path, base);
}
