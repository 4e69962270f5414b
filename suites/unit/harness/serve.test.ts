import { PassThrough } from 'node:stream';
import { validateCommand } from '../../../src/commands/validate.js';
import type { Validator } from '../../../src/contract/validator.js';
import { serve } from '../../../src/targets/serve.js';

/** Feeds `lines` to a running server and collects the answers it writes. */
async function exchange(
  run: (input: PassThrough, write: (t: string) => void) => Promise<unknown>,
  lines: string[],
) {
  const input = new PassThrough();
  let output = '';
  const done = run(input, (text) => {
    output += text;
  });
  // Split the bytes at odd places: the server must not rely on whole lines per chunk.
  const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''));
  for (let i = 0; i < bytes.length; i += 7) input.write(bytes.subarray(i, i + 7));
  input.end();
  const result = await done;
  return {
    result,
    answers: output
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l)),
  };
}

const START = '{"cmd":"start","version":1}';

describe('serve', () => {
  it('answers every line on its own, garbage included, and never crashes', async () => {
    const validator: Validator = {
      name: 'mixed',
      version: '2.0.0',
      kinds: ['handle', 'did'],
      validate(kind, value) {
        if (value === 'throw') throw new Error('boom');
        if (kind === 'did') return Promise.resolve({ valid: false, errors: ['no dids'] });
        return value === 'ok';
      },
    };
    const { answers } = await exchange(
      (input, write) => serve(validator, { input, write, language: 'typescript' }),
      [
        START,
        '{"cmd":"validate","seq":1,"kind":"handle","value":"ok"}',
        '{"cmd":"validate","seq":2,"kind":"handle","value":"no"}',
        'not json at all',
        '{"cmd":"validate","seq":3,"kind":"session","value":{}}',
        '{"cmd":"validate","seq":4,"kind":"handle","value":"throw"}',
        '{"cmd":"validate","seq":5,"kind":"nsid","value":"x"}',
        '{"cmd":"validate","seq":6,"kind":"handle","val',
        '',
        '{"cmd":"validate","seq":7,"kind":"did","value":"did:a:b"}',
      ],
    );
    expect(answers).toEqual([
      {
        version: 1,
        implementation: {
          name: 'mixed',
          version: '2.0.0',
          language: 'typescript',
          kinds: ['handle', 'did'],
        },
      },
      { seq: 1, valid: true },
      { seq: 2, valid: false, errors: [] },
      { errored: true, message: expect.stringMatching(/^bad request: not JSON/) },
      { seq: 3, skipped: true, message: expect.stringMatching(/does not validate kind session/) },
      { seq: 4, errored: true, message: 'threw: Error: boom' },
      { seq: 5, errored: true, message: expect.stringMatching(/unknown kind/) },
      { seq: 6, errored: true, message: expect.stringMatching(/not JSON/) },
      { seq: 7, valid: false, errors: ['no dids'] },
    ]);
  });

  it('stops at stop, answering nothing after it', async () => {
    const validator: Validator = { name: 'v', kinds: ['did'], validate: () => true };
    const { answers } = await exchange(
      (input, write) => serve(validator, { input, write }),
      [
        START,
        '{"cmd":"validate","seq":1,"kind":"did","value":"x"}',
        '{"cmd":"stop"}',
        '{"cmd":"validate","seq":2,"kind":"did","value":"y"}',
      ],
    );
    expect(answers.map((a) => a.seq)).toEqual([undefined, 1]);
  });
});

describe('serve, protocol v2', () => {
  it('speaks v2 when offered, answering each request of a batch, bad ones included', async () => {
    const validator: Validator = {
      name: 'v',
      kinds: ['handle'],
      validate: (_kind, value) => value === 'ok',
    };
    const { answers } = await exchange(
      (input, write) => serve(validator, { input, write }),
      [
        '{"cmd":"start","version":2}',
        JSON.stringify({
          cmd: 'validateBatch',
          batch: 1,
          requests: [
            { seq: 1, kind: 'handle', value: 'ok' },
            { seq: 2, kind: 'nsid', value: 'x' },
            { kind: 'handle', value: 'ok' },
            { seq: 3, kind: 'handle', value: 'no' },
          ],
        }),
        '{"cmd":"validateBatch","batch":2,"requests":"none"}',
        '{"cmd":"stop"}',
      ],
    );
    expect(answers).toEqual([
      { version: 2, implementation: { name: 'v', kinds: ['handle'] } },
      { seq: 1, valid: true },
      { seq: 2, errored: true, message: expect.stringMatching(/unknown kind/) },
      { errored: true, message: expect.stringMatching(/needs a non-negative integer "seq"/) },
      { seq: 3, valid: false, errors: [] },
      { errored: true, message: expect.stringMatching(/needs a "requests" array/) },
    ]);
    const v1 = await exchange((input, write) => serve(validator, { input, write }), [START]);
    expect(v1.answers[0]).toMatchObject({ version: 1 });
  });
});

describe('the validate command', () => {
  it('serves the reference oracle over protocol v1', async () => {
    const stderr: string[] = [];
    const { result, answers } = await exchange(
      (input, write) =>
        validateCommand(() => input).run([], {
          stdout: write,
          stderr: (t) => stderr.push(t),
          env: {},
          stderrIsTTY: false,
        }),
      [
        START,
        '{"cmd":"validate","seq":1,"kind":"handle","value":"alice.test"}',
        '{"cmd":"validate","seq":2,"kind":"handle","value":"-alice.test"}',
        '{"cmd":"validate","seq":3,"kind":"did","value":"did:plc:abc?x"}',
        '{"cmd":"validate","seq":4,"kind":"getSession","value":{"handle":"a.test","did":"did:x:y"}}',
        '{"cmd":"validate","seq":5,"kind":"session","value":{"handle":"a.test","did":"did:x:y"}}',
        '{"cmd":"stop"}',
      ],
    );
    expect(result).toBe(0);
    expect(stderr).toEqual([]);
    expect(answers[0]).toMatchObject({
      version: 1,
      implementation: {
        name: 'reference',
        language: 'typescript',
        kinds: ['handle', 'did', 'session', 'getSession'],
      },
    });
    expect(answers.slice(1)).toEqual([
      { seq: 1, valid: true },
      { seq: 2, valid: false, errors: ['handle.label.hyphen-edges'] },
      { seq: 3, valid: false, errors: ['did.no-query-fragment-path'] },
      { seq: 4, valid: true },
      {
        seq: 5,
        valid: false,
        errors: ['session.required.accessJwt', 'session.required.refreshJwt'],
      },
    ]);
  });

  it('refuses unknown flags', async () => {
    const io = { stdout: () => {}, stderr: () => {}, env: {}, stderrIsTTY: false };
    await expect(validateCommand(() => new PassThrough()).run(['--nope'], io)).rejects.toThrow(
      /nope/,
    );
  });
});
