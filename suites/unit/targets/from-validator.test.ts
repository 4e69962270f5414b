import { jest } from '@jest/globals';
import type { Validator, Verdict } from '../../../src/contract/validator.js';
import { fromValidator, guardedValidate, toVerdict } from '../../../src/targets/from-validator.js';
import { loadValidatorModule } from '../../../src/targets/module.js';
import { fauxModule, outcomes } from './_faux.js';

async function faux(file: string, timeoutMs = 200) {
  const validator = await loadValidatorModule(fauxModule(file));
  return fromValidator(validator, { id: `module:${file}` }, { timeoutMs });
}

describe('toVerdict', () => {
  it.each([
    [true, { outcome: 'valid' }],
    [false, { outcome: 'invalid' }],
    [{ valid: true }, { outcome: 'valid' }],
    [{ valid: false }, { outcome: 'invalid' }],
    [
      { valid: false, errors: ['bad tld'] },
      { outcome: 'invalid', errors: ['bad tld'] },
    ],
  ])('reads %j', (result, verdict) => {
    expect(toVerdict(result)).toEqual(verdict);
  });

  it.each([
    undefined,
    null,
    'yes',
    1,
    [],
    {},
    { valid: 'no' },
    { valid: false, errors: 'bad' },
    { valid: false, errors: [1] },
  ])('calls %j garbage', (result) => {
    const verdict = toVerdict(result);
    expect(verdict.outcome).toBe('errored');
    expect(verdict).toMatchObject({ message: expect.stringMatching(/^returned garbage/) });
  });
});

describe('in-process targets', () => {
  it('accept and reject modules give their verdicts; info comes from the validator', async () => {
    const accept = await faux('accept.mjs');
    expect(accept.info).toEqual({
      id: 'module:accept.mjs',
      name: 'faux-accept',
      version: '1.0.0',
      kinds: ['handle', 'did', 'session', 'getSession'],
    });
    expect(outcomes(await accept.validateBatch([{ kind: 'handle', value: 1 }]))).toEqual(['valid']);
    const reject = await faux('reject.mjs');
    expect(await reject.validate('did', 'did:x:y')).toEqual({
      outcome: 'invalid',
      errors: ['rejected did'],
    });
    expect(await reject.validate('session', {})).toMatchObject({ outcome: 'skipped' });
  });

  it('a throw or a rejection is errored, never a rejection', async () => {
    const target = await faux('throws.mjs');
    const [sync, async] = await target.validateBatch([
      { kind: 'handle', value: 'a' },
      { kind: 'did', value: 'b' },
    ]);
    expect(sync).toEqual({ outcome: 'errored', message: 'threw: RangeError: sync failure' });
    expect(async).toEqual({ outcome: 'errored', message: 'rejected: TypeError: async failure' });
  });

  it('garbage results are errored, sync and async', async () => {
    const target = await faux('garbage.mjs');
    const verdicts = await target.validateBatch(
      (['handle', 'did', 'session', 'getSession'] as const).map((kind) => ({ kind, value: 'x' })),
    );
    expect(outcomes(verdicts)).toEqual(['errored', 'errored', 'errored', 'errored']);
  });

  it('a promise that never settles is errored after the timeout, others still answer', async () => {
    const target = await faux('never.mjs', 150);
    jest.useFakeTimers();
    try {
      let verdicts: Verdict[] | undefined;
      void target
        .validateBatch([
          { kind: 'handle', value: 'a' },
          { kind: 'did', value: 'b' },
          { kind: 'handle', value: 'c' },
        ])
        .then((v) => {
          verdicts = v;
        });
      await jest.advanceTimersByTimeAsync(149);
      expect(verdicts).toBeUndefined();
      // Both timeouts run side by side: one timeout's worth of clock settles the whole batch.
      await jest.advanceTimersByTimeAsync(1);
      expect(outcomes(verdicts ?? [])).toEqual(['errored', 'valid', 'errored']);
      for (const i of [0, 2]) {
        expect(verdicts?.[i]).toMatchObject({ message: expect.stringMatching(/within 150 ms/) });
      }
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('answers synchronous validators without a promise per value', () => {
    let calls = 0;
    const validator: Validator = {
      name: 'count',
      kinds: ['handle'],
      validate: () => {
        calls++;
        return true;
      },
    };
    expect(guardedValidate(validator, 'handle', 'a.test', 1_000)).toEqual({ outcome: 'valid' });
    expect(guardedValidate(validator, 'did', 'did:a:b', 1_000)).toMatchObject({
      outcome: 'skipped',
    });
    expect(calls).toBe(1);
  });
});
