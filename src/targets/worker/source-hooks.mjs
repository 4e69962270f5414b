import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * Module hooks for a worker started from this package's TypeScript sources (tests run them
 * through ts-jest, which does not reach worker threads). `./x.js` imports between source files
 * resolve to `./x.ts`, transpiled without type checking. The built package never uses them.
 */

const ROOT = new URL('../../../', import.meta.url).href;
let ts;

const SOURCES = ['src/', 'generators/'].map((dir) => `${ROOT}${dir}`);
const ours = (url) => SOURCES.some((dir) => url.startsWith(dir));

export async function resolve(specifier, context, next) {
  const parent = context.parentURL;
  if (parent?.endsWith('.ts') && ours(parent) && /^\.\.?\//.test(specifier)) {
    if (specifier.endsWith('.js')) {
      const url = new URL(`${specifier.slice(0, -3)}.ts`, parent);
      if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts') || !ours(url)) return next(url, context);
  ts ??= (await import('typescript')).default;
  const file = fileURLToPath(url);
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
