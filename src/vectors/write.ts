import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  dedupe,
  fileFor,
  renderVectorFiles,
  VECTOR_FILES,
  VECTOR_MANIFEST,
  type VectorCounts,
  type VectorEntry,
} from './format.js';
import { type VectorSource, vectorManifest } from './manifest.js';

/** Replaces a file in one step, so a reader never sees it half written. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, path);
}

/**
 * Writes the five vector files and the manifest into `dir` (created if missing); returns how
 * many values each file got.
 */
export async function writeVectorFiles(
  dir: string,
  entries: readonly VectorEntry[],
  source: VectorSource,
): Promise<VectorCounts> {
  const unique = dedupe(entries);
  const counts = Object.fromEntries(Object.values(VECTOR_FILES).map((f) => [f, 0])) as VectorCounts;
  for (const e of unique) counts[fileFor(e)]++;
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(renderVectorFiles(unique, source.header))) {
    await replaceFile(join(dir, name), text);
  }
  const manifest = vectorManifest(source, counts);
  await replaceFile(join(dir, VECTOR_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return counts;
}
