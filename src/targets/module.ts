import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Target, TargetStartError, type Validator } from '../contract/validator.js';
import { isValidatorKind, preview } from '../harness/protocol.js';
import { VALIDATOR_KINDS } from '../spec/rules/types.js';
import { createWorkerTarget, type WorkerTargetOptions } from './worker-target.js';

/*
 * `module:<path>`: a JS module whose default export (or named export `validator`) is a
 * Validator. The path is absolute or relative to the working directory. TypeScript files are
 * imported only when the running node can do so itself; otherwise the error says to compile.
 */

const JS_EXTENSIONS = ['.js', '.mjs', '.cjs'];
const TS_EXTENSIONS = ['.ts', '.mts', '.cts'];

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return preview(text.split('\n')[0]?.trim() ?? '', 300);
}

/** What is wrong with a would-be validator, or undefined when it has the right shape. */
export function shapeProblem(candidate: unknown): string | undefined {
  if (typeof candidate !== 'object' || candidate === null) {
    return `expected an object, got ${candidate === null ? 'null' : typeof candidate}`;
  }
  const { name, kinds, validate, version } = candidate as Record<string, unknown>;
  if (typeof name !== 'string' || name.length === 0) return '"name" must be a non-empty string';
  if (version !== undefined && typeof version !== 'string') return '"version" must be a string';
  if (!Array.isArray(kinds) || kinds.length === 0) {
    return `"kinds" must be a non-empty array of ${VALIDATOR_KINDS.join(', ')}`;
  }
  const unknown = kinds.filter((k) => !isValidatorKind(k));
  if (unknown.length > 0) {
    return `"kinds" has unknown kind ${preview(JSON.stringify(unknown[0]) ?? String(unknown[0]))} (known: ${VALIDATOR_KINDS.join(', ')})`;
  }
  if (typeof validate !== 'function') return '"validate" must be a function';
  return undefined;
}

/** The validator a module exports: default export first, then the named export `validator`. */
function pickExport(mod: Record<string, unknown>): unknown {
  const candidates = [mod.default, mod.validator];
  // A CommonJS `module.exports = { validator }` arrives as the default export.
  const cjs = mod.default as Record<string, unknown> | undefined;
  if (typeof cjs === 'object' && cjs !== null) candidates.push(cjs.validator);
  return candidates.find((c) => shapeProblem(c) === undefined) ?? mod.default ?? mod.validator;
}

export async function loadValidatorModule(
  path: string,
  cwd: string = process.cwd(),
): Promise<Validator> {
  const where = `module:${path}`;
  const file = resolve(cwd, path);
  const ext = extname(file).toLowerCase();
  const isTs = TS_EXTENSIONS.includes(ext);
  if (!JS_EXTENSIONS.includes(ext) && !isTs) {
    throw new TargetStartError(
      `${where}: unsupported file type "${ext}" (use ${[...JS_EXTENSIONS, '.ts'].join(', ')})`,
    );
  }
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    // Missing: reported below.
  }
  if (!isFile) throw new TargetStartError(`${where}: no such file (${file})`);

  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (err) {
    if (isTs) {
      throw new TargetStartError(
        `${where}: this node cannot import TypeScript modules; compile it to .js (e.g. with tsc) and pass the .js file (${firstLine(err)})`,
      );
    }
    throw new TargetStartError(`${where}: import failed: ${firstLine(err)}`);
  }
  const validator = pickExport(mod);
  const problem = shapeProblem(validator);
  if (problem !== undefined) {
    throw new TargetStartError(
      `${where}: the default export (or the export "validator") is not a validator: ${problem}`,
    );
  }
  return validator as Validator;
}

/** A `module:` target, loaded and run in its own worker thread (worker-target.ts). */
export function createModuleTarget(
  spec: string,
  path: string,
  options: WorkerTargetOptions,
): Promise<Target> {
  return createWorkerTarget({ module: path, spec, cwd: process.cwd() }, options);
}
