import { BUILTIN_ADAPTERS } from '../../../src/adapters/index.js';
import { TargetStartError } from '../../../src/contract/validator.js';
import { createTarget } from '../../../src/targets/index.js';
import { fauxCmd, fauxModule } from './_faux.js';

const OPTIONS = { timeoutMs: 1_000 };

describe('createTarget', () => {
  it('starts the built-in reference adapter under its own id', async () => {
    const target = await createTarget('reference', OPTIONS);
    expect(target.info.id).toBe('reference');
    expect(await target.validate('handle', 'alice.test')).toEqual({ outcome: 'valid' });
    expect(await target.validate('handle', 'alice')).toMatchObject({
      outcome: 'invalid',
      errors: ['handle.labels.min-two'],
    });
    await target.close();
  });

  it('keeps the spec as given as the id of module: and cmd: targets', async () => {
    const moduleSpec = `module:${fauxModule('accept.mjs')}`;
    const mod = await createTarget(moduleSpec, OPTIONS);
    expect(mod.info).toMatchObject({ id: moduleSpec, name: 'faux-accept' });
    const cmd = await createTarget(fauxCmd('always-valid'), OPTIONS);
    expect(cmd.info).toMatchObject({ id: fauxCmd('always-valid'), name: 'always-valid' });
    await Promise.all([mod.close(), cmd.close()]);
  });

  it('names the built-in ids when the id is unknown', async () => {
    const attempt = createTarget('no-such-adapter', OPTIONS);
    await expect(attempt).rejects.toThrow(TargetStartError);
    for (const { id } of BUILTIN_ADAPTERS) await expect(attempt).rejects.toThrow(id);
  });
});
