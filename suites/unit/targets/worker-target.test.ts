import { type Target, TargetStartError } from '../../../src/contract/validator.js';
import { createTarget } from '../../../src/targets/index.js';
import { createModuleTarget } from '../../../src/targets/module.js';
import type { WorkerTarget } from '../../../src/targets/worker-target.js';
import { fauxModule, handles, outcomes } from './_faux.js';

/*
 * In-process validators run in worker threads: a thread that spins, hangs or exits costs the
 * request it was on, never the run. Nothing here measures time: the tests assert verdicts,
 * messages and restart counts.
 */

const open: Target[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function start(file: string, timeoutMs = 300, maxRestarts?: number): Promise<WorkerTarget> {
  const target = (await createModuleTarget(`module:${file}`, fauxModule(file), {
    timeoutMs,
    ...(maxRestarts === undefined ? {} : { maxRestarts }),
  })) as WorkerTarget;
  open.push(target);
  return target;
}

describe('worker targets', () => {
  it('a synchronous endless loop is a timeout error; the thread is restarted and the rest answered', async () => {
    const target = await start('spin-on.mjs');
    const verdicts = await target.validateBatch(handles('ok.a', 'spin', 'bad', 'ok.b'));
    expect(outcomes(verdicts)).toEqual(['valid', 'errored', 'invalid', 'valid']);
    expect(verdicts[1]).toMatchObject({ message: expect.stringMatching(/timeout/) });
    expect(target.restartCount).toBe(1);
    expect(target.diagnostics()).toMatch(/timed out .* terminating the worker/);
  });

  it('spends the restart budget, then errors every request at once', async () => {
    const target = await start('spin-on.mjs', 100, 1);
    const verdicts = await target.validateBatch(handles('spin1', 'spin2', 'ok', 'spin3'));
    expect(outcomes(verdicts)).toEqual(['errored', 'errored', 'errored', 'errored']);
    expect(verdicts[3]).toMatchObject({ message: expect.stringMatching(/restart budget of 1/) });
  });

  it('an async result that never settles is a timeout error', async () => {
    const target = await start('never.mjs');
    const verdicts = await target.validateBatch([
      { kind: 'did', value: 'a' },
      { kind: 'handle', value: 'b' },
      { kind: 'did', value: 'c' },
    ]);
    expect(outcomes(verdicts)).toEqual(['valid', 'errored', 'valid']);
  });

  it('a thread that exits errors the request it was on; the others are answered', async () => {
    const target = await start('exit-on.mjs');
    const verdicts = await target.validateBatch(handles('ok', 'exit', 'no', 'ok.2'));
    expect(outcomes(verdicts)).toEqual(['valid', 'errored', 'invalid', 'valid']);
    expect(verdicts[1]).toMatchObject({ message: expect.stringMatching(/exited with code 7/) });
  });

  it('values go by copy: a validator that writes into them changes nothing the runner holds', async () => {
    const target = await start('mutate.mjs');
    const value = { handle: 'ok.test' };
    expect(await target.validate('session', value)).toEqual({ outcome: 'valid' });
    expect(await target.validate('session', value)).toEqual({ outcome: 'valid' });
    expect(value).toEqual({ handle: 'ok.test' });
  });

  it('throws, garbage and skipped kinds keep their verdicts', async () => {
    const throws = await start('throws.mjs');
    expect(await throws.validate('handle', 'x')).toEqual({
      outcome: 'errored',
      message: 'threw: RangeError: sync failure',
    });
    expect(await throws.validate('session', {})).toMatchObject({ outcome: 'skipped' });
    const garbage = await start('garbage.mjs');
    expect(await garbage.validate('handle', 'x')).toMatchObject({
      outcome: 'errored',
      message: expect.stringMatching(/garbage/),
    });
  });

  it('module loading errors are TargetStartErrors, a module that never loads included', async () => {
    await expect(start('import-error.mjs')).rejects.toThrow(TargetStartError);
    await expect(start('import-error.mjs')).rejects.toThrow(/import failed: cannot load faux/);
    const never = createModuleTarget('module:x', fauxModule('spin-at-load.mjs'), {
      timeoutMs: 100,
      startTimeoutMs: 200,
    });
    await expect(never).rejects.toThrow(/not loaded within 200 ms/);
  });

  it('a built-in adapter runs in its own thread with its identity', async () => {
    const target = await createTarget('reference', { timeoutMs: 5_000 });
    open.push(target);
    expect(target.info).toMatchObject({
      id: 'reference',
      name: 'reference',
      language: 'javascript',
    });
    expect(outcomes(await target.validateBatch(handles('alice.test', 'bad_handle')))).toEqual([
      'valid',
      'invalid',
    ]);
  });
});
