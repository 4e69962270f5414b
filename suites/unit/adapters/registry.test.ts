import { readdirSync, readFileSync } from 'node:fs';
import { BUILTIN_ADAPTERS } from '../../../src/adapters/index.js';
import { libraryVersion } from '../../../src/adapters/library-version.js';
import { VALIDATOR_KINDS } from '../../../src/spec/rules/types.js';
import { readResource, resourcePath } from '../../../src/util/paths.js';

describe('built-in adapter registry', () => {
  it('lists the adapters in report order, reference first', () => {
    expect(BUILTIN_ADAPTERS.map((a) => a.id)).toEqual([
      'reference',
      'seed-schema',
      'json-schema',
      'zod',
      'atproto-syntax',
      'atproto-lexicon',
      'atcute',
      'lex-schema',
    ]);
  });

  it.each(BUILTIN_ADAPTERS.map((a) => [a.id, a] as const))('%s builds', async (_id, adapter) => {
    const v = await adapter.create();
    expect(v.kinds.length).toBeGreaterThan(0);
    expect(v.kinds.every((k) => VALIDATOR_KINDS.includes(k))).toBe(true);
    expect(v.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('libraryVersion', () => {
  it('reads the installed package.json, also for packages that do not export it', () => {
    const zod = JSON.parse(readResource('node_modules', 'zod', 'package.json')) as {
      version: string;
    };
    expect(libraryVersion('zod')).toBe(zod.version);
    const syntax = JSON.parse(
      readResource('node_modules', '@atproto', 'syntax', 'package.json'),
    ) as { version: string };
    expect(libraryVersion('@atproto/syntax')).toBe(syntax.version);
  });

  it('throws for a package that is not installed', () => {
    expect(() => libraryVersion('no-such-package-here')).toThrow();
  });
});

describe('adapter sources', () => {
  const dir = resourcePath('src', 'adapters');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'reference.ts');

  // An adapter that could call the oracle or see the generators would prove nothing.
  it.each(files)('%s imports no oracle function, generator or runner', (file) => {
    const source = readFileSync(`${dir}/${file}`, 'utf8');
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)];
    expect(imports.length).toBeGreaterThan(0);
    for (const [, typeOnly, from] of imports) {
      if (from?.includes('/spec/')) expect({ from, typeOnly }).toEqual({ from, typeOnly: 'type ' });
      expect(from).not.toMatch(/generators|runner|report|fast-check/);
    }
  });
});
