import { encodeValue } from '../../../src/harness/encode-value.js';
import {
  encodeAnswer,
  peekSeq,
  readAnswer,
  readRequest,
  readStartReply,
} from '../../../src/harness/protocol.js';

describe('harness protocol v1 messages', () => {
  it.each([
    [{ valid: true }, { outcome: 'valid' }],
    [{ valid: false }, { outcome: 'invalid' }],
    [
      { valid: false, errors: ['e'] },
      { outcome: 'invalid', errors: ['e'] },
    ],
    [
      { skipped: true, message: 'm' },
      { outcome: 'skipped', message: 'm' },
    ],
    [
      { errored: true, message: 'm' },
      { outcome: 'errored', message: 'm' },
    ],
  ])('reads the answer %j', (answer, verdict) => {
    expect(readAnswer({ seq: 1, ...answer })).toEqual(verdict);
  });

  it.each([
    {},
    { valid: 'true' },
    { valid: true, errored: true },
    { skipped: false },
    { errored: 1 },
    { valid: false, errors: 'x' },
    { valid: false, errors: [1] },
    { errored: true, message: 3 },
  ])('calls %j malformed', (answer) => {
    expect(typeof readAnswer({ seq: 1, ...answer })).toBe('string');
  });

  it('writes answers that read back as the same verdict', () => {
    const verdicts = [
      { outcome: 'valid' },
      { outcome: 'invalid', errors: ['a', 'b'] },
      { outcome: 'skipped', message: 's' },
      { outcome: 'errored', message: 'e' },
    ] as const;
    for (const verdict of verdicts) {
      const line = encodeAnswer(7, verdict);
      expect(JSON.parse(line).seq).toBe(7);
      expect(readAnswer(JSON.parse(line))).toEqual(verdict);
    }
    expect(JSON.parse(encodeAnswer(undefined, { outcome: 'errored', message: 'x' }))).toEqual({
      errored: true,
      message: 'x',
    });
  });

  it('reads a start reply, dropping kinds it does not know', () => {
    const reply = {
      version: 1,
      implementation: { name: 'n', version: '1', language: 'go', kinds: ['did', 'nsid'] },
    };
    expect(readStartReply(reply)).toEqual({
      info: { name: 'n', version: '1', language: 'go', kinds: ['did'] },
      ignoredKinds: ['nsid'],
      version: 1,
    });
  });

  it('reads a version 2 start reply with its batch limit, when version 2 was offered', () => {
    const reply = { version: 2, maxBatch: 8, implementation: { name: 'n', kinds: ['did'] } };
    expect(readStartReply(reply)).toEqual({
      info: { name: 'n', kinds: ['did'] },
      ignoredKinds: [],
      version: 2,
      maxBatch: 8,
    });
    expect(readStartReply(reply, 1)).toMatch(/speaks protocol version 2, this runner speaks 1$/);
    expect(readStartReply({ ...reply, maxBatch: 0 })).toMatch(/maxBatch/);
  });

  it.each([
    [null, /not a JSON object/],
    [{ version: 3, implementation: { name: 'n', kinds: ['did'] } }, /version 3, .*speaks 1 and 2/],
    [{ version: '2', implementation: { name: 'n', kinds: ['did'] } }, /version 2, /],
    [{ version: 1 }, /no "implementation"/],
    [{ version: 1, implementation: { kinds: ['did'] } }, /implementation.name/],
    [{ version: 1, implementation: { name: 'n', kinds: 'did' } }, /kinds/],
    [{ version: 1, implementation: { name: 'n', kinds: ['nsid'] } }, /no known kind/],
    [{ version: 1, implementation: { name: 'n', version: 1, kinds: ['did'] } }, /version/],
  ])('refuses the start reply %j', (reply, message) => {
    expect(readStartReply(reply)).toMatch(message);
  });

  it('reads requests, and says what is wrong with bad ones (with the seq when readable)', () => {
    expect(readRequest('{"cmd":"start","version":1}')).toEqual({ cmd: 'start', version: 1 });
    expect(readRequest('{"cmd":"stop"}')).toEqual({ cmd: 'stop' });
    expect(readRequest('{"cmd":"validate","seq":3,"kind":"did","value":null}')).toEqual({
      cmd: 'validate',
      seq: 3,
      kind: 'did',
      value: null,
    });
    expect(readRequest('{"cmd":"validate","seq":4,"kind":"nsid","value":1}')).toMatchObject({
      seq: 4,
      error: expect.stringMatching(/unknown kind/),
    });
    expect(readRequest('{"cmd":"validate","seq":5,"kind":"did"}')).toMatchObject({ seq: 5 });
    expect(readRequest('{"cmd":"validate","seq":-1,"kind":"did","value":1}')).toEqual({
      error: expect.stringMatching(/seq/),
    });
    expect(readRequest('{"seq":6,"cmd":"valid')).toMatchObject({ seq: 6 });
    expect(readRequest('[1]')).toEqual({ error: expect.stringMatching(/not a JSON object/) });
    expect(readRequest('{"cmd":"dance","seq":8}')).toMatchObject({ seq: 8 });
  });

  it('peeks a seq in a broken line', () => {
    expect(peekSeq('{"seq": 12, "valid": tr')).toBe(12);
    expect(peekSeq('garbage')).toBeUndefined();
  });
});

describe('encodeValue', () => {
  it.each([
    ['a', '"a"'],
    [{ a: [1, null, { b: true }], c: undefined }, '{"a":[1,null,{"b":true}]}'],
    [-0, '0'],
    ['\ud800', '"\\ud800"'],
  ])('sends %j as %s', (value, json) => {
    expect(encodeValue(value)).toBe(json);
  });

  // biome-ignore lint/suspicious/noSparseArray: the hole is the point
  const sparse = [1, , 2];
  it.each([
    Number.NaN,
    Number.POSITIVE_INFINITY,
    undefined,
    10n,
    [undefined],
    sparse,
    new Date(0),
    { f: () => 1 },
    { n: { deep: Number.NaN } },
  ])('refuses %p, which JSON would change', (value) => {
    expect(encodeValue(value)).toBeUndefined();
  });
});
