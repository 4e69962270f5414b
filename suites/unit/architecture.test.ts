import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../../src/util/paths.js';

/*
 * Import boundaries that keep the chain of trust honest:
 * - the oracle (src/spec) depends on nothing but itself: no npm package, no other project folder;
 * - generators never import oracle functions (only types and constants from src/spec);
 * - adapters (except `reference`, which is the oracle) never import src/spec values or generators;
 * - nothing outside suites/ imports test code, and nothing reads the shared folder at run time.
 */

const root = packageRoot();

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

interface Import {
  readonly spec: string;
  readonly typeOnly: boolean;
  readonly names: string;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    found.push({ spec: m[4] as string, typeOnly: m[2] !== undefined, names: m[3] ?? '' });
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ spec: m[1] as string, typeOnly: false, names: '*' });
  }
  return found;
}

function target(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return relative(root, resolve(dirname(file), spec));
}

/** True when every imported name is a type or an ALL_CAPS constant. */
function typesOrConstants(i: Import): boolean {
  if (i.typeOnly) return true;
  const names = i.names
    .replace(/[{}]/g, '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return (
    names.length > 0 && names.every((n) => n.startsWith('type ') || /^[A-Z][A-Z0-9_]*$/.test(n))
  );
}

describe('architecture', () => {
  it('the oracle (src/spec) imports nothing outside src/spec, and only node: builtins', () => {
    for (const file of tsFiles(join(root, 'src/spec'))) {
      for (const i of importsOf(file)) {
        const t = target(file, i.spec);
        if (t === undefined)
          expect([file, i.spec]).toEqual([file, expect.stringMatching(/^node:/)]);
        else expect([file, t]).toEqual([file, expect.stringMatching(/^src\/spec\//)]);
      }
    }
  });

  it('generators import only types and constants from src/spec, and nothing else of src', () => {
    for (const file of tsFiles(join(root, 'generators'))) {
      for (const i of importsOf(file)) {
        const t = target(file, i.spec);
        if (t === undefined || t.startsWith('generators/')) continue;
        expect([file, t]).toEqual([file, expect.stringMatching(/^src\/spec\//)]);
        expect([file, i.names, typesOrConstants(i)]).toEqual([file, i.names, true]);
      }
    }
  });

  it('adapters other than reference never import oracle values, generators or the runner', () => {
    for (const file of tsFiles(join(root, 'src/adapters'))) {
      if (file.endsWith('reference.ts')) continue;
      for (const i of importsOf(file)) {
        const t = target(file, i.spec);
        if (t === undefined) continue;
        expect([file, t]).not.toEqual([
          file,
          expect.stringMatching(/^(generators|src\/runner|src\/report)\//),
        ]);
        if (t.startsWith('src/spec/'))
          expect([file, i.names, i.typeOnly]).toEqual([file, i.names, true]);
      }
    }
  });

  it('shipped code never imports test code or reads outside the package', () => {
    for (const file of [...tsFiles(join(root, 'src')), ...tsFiles(join(root, 'generators'))]) {
      const text = readFileSync(file, 'utf8');
      expect([file, /\.\.\/shared|\/work\//.test(text)]).toEqual([file, false]);
      for (const i of importsOf(file)) {
        const t = target(file, i.spec);
        if (t !== undefined) expect([file, t.startsWith('suites/')]).toEqual([file, false]);
      }
    }
  });
});
