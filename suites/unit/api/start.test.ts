import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runConformance } from '../../../src/api/certify.js';
import { moduleSpec } from '../../../src/api/start.js';
import type { Validator } from '../../../src/contract/validator.js';
import { resourcePath } from '../../../src/util/paths.js';

/* How callers hand over a validator: a module spec (isolated), or an object (on their thread). */

describe('moduleSpec', () => {
  const file = resourcePath('suites', 'fixtures', 'faux', 'modules', 'accept.mjs');

  it('turns a file URL or its text into the module spec of the absolute path', () => {
    expect(moduleSpec(pathToFileURL(file))).toBe(`module:${file}`);
    expect(moduleSpec(pathToFileURL(file).href)).toBe(`module:${file}`);
  });

  it('resolves a path against the working directory', () => {
    expect(moduleSpec('./dist/validator.js')).toBe(`module:${resolve('dist/validator.js')}`);
    expect(moduleSpec(file)).toBe(`module:${file}`);
  });

  it('refuses a URL that is not a file', () => {
    expect(() => moduleSpec(new URL('https://example.com/validator.js'))).toThrow(
      'The URL must be of scheme file',
    );
  });

  it('gives a spec the runner starts in a worker thread', async () => {
    const report = await runConformance(moduleSpec(pathToFileURL(file)), {
      seed: 2,
      runs: 5,
      rules: 'handle.accept.syntax',
    });
    expect(report.targets[0]?.target).toMatchObject({ id: `module:${file}`, name: 'faux-accept' });
    expect(report.targets[0]?.results.map((r) => r.status)).toEqual(['pass']);
  });
});

describe('a Validator object', () => {
  it('gets copies: writing into a value changes neither other targets nor the report', async () => {
    const seen: unknown[] = [];
    const scribbler: Validator = {
      name: 'scribbler',
      kinds: ['session'],
      validate: (_kind, value) => {
        seen.push(structuredClone(value));
        (value as { handle: string }).handle = 'changed.test';
        return false;
      },
    };
    const report = await runConformance([scribbler, 'reference'], {
      seed: 1,
      runs: 5,
      rules: 'session.accept.valid',
    });
    const [mine, reference] = report.targets;
    expect(reference?.results.map((r) => r.status)).toEqual(['pass']);
    expect(mine?.results.map((r) => r.status)).toEqual(['fail']);
    const shown = mine?.results[0]?.counterexample?.value as { handle: string };
    expect(shown.handle).not.toBe('changed.test');
    expect(seen).toContainEqual(shown);
  });
});
