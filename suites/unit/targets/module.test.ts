import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { TargetStartError } from '../../../src/contract/validator.js';
import { createModuleTarget, loadValidatorModule } from '../../../src/targets/module.js';
import { fauxModule } from './_faux.js';

async function startError(path: string): Promise<string> {
  try {
    await loadValidatorModule(path);
  } catch (err) {
    expect(err).toBeInstanceOf(TargetStartError);
    return (err as Error).message;
  }
  throw new Error(`loading ${path} did not fail`);
}

describe('module: targets', () => {
  it('loads a default export, a named export and CommonJS; relative paths from the cwd', async () => {
    expect((await loadValidatorModule(fauxModule('accept.mjs'))).name).toBe('faux-accept');
    expect((await loadValidatorModule(fauxModule('reject.mjs'))).name).toBe('faux-reject');
    const cjs = await loadValidatorModule(relative(process.cwd(), fauxModule('commonjs.cjs')));
    expect(cjs.name).toBe('faux-commonjs');
    const target = await createModuleTarget('module:x', fauxModule('commonjs.cjs'), {
      timeoutMs: 100,
    });
    try {
      expect(target.info).toMatchObject({ id: 'module:x', language: 'javascript', kinds: ['did'] });
      expect(await target.validate('did', 'ok')).toEqual({ outcome: 'valid' });
    } finally {
      await target.close();
    }
  });

  it.each([
    ['a missing file', fauxModule('nope.mjs'), /^module:.*nope\.mjs: no such file \(/],
    ['a directory', fauxModule(''), /unsupported file type|no such file/],
    [
      'an unknown kind',
      fauxModule('bad-kinds.mjs'),
      /not a validator: "kinds" has unknown kind "nsid"/,
    ],
    [
      'no validate function',
      fauxModule('no-validate.mjs'),
      /not a validator: "validate" must be a function/,
    ],
    [
      'an import that throws',
      fauxModule('import-error.mjs'),
      /import failed: cannot load faux validator$/,
    ],
    [
      'another file type',
      fauxModule('../harnesses/_lib.mjs').replace('.mjs', '.json'),
      /unsupported file type ".json"/,
    ],
  ])('%s is a one-line TargetStartError', async (_what, path, message) => {
    const text = await startError(path);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('says that TypeScript must be compiled when the runtime cannot import it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'module-target-'));
    const file = join(dir, 'validator.ts');
    writeFileSync(
      file,
      'const kinds: string[] = ["handle"];\nexport default { name: "ts", kinds, validate: () => true };\n',
    );
    const text = await startError(file);
    expect(text).toMatch(/cannot import TypeScript modules; compile it to \.js/);
    expect(text).not.toContain('\n');
  });
});
