import { build, describeAdapter, normalize } from './_agreement.js';

describeAdapter({
  id: 'atproto-syntax',
  versionOf: '@atproto/syntax',
  kinds: ['handle', 'did'],
  deviations: [],
});

describe('atproto-syntax error messages', () => {
  it('explains a rejection with the ensureValid* message', async () => {
    const v = await build('atproto-syntax');
    expect(normalize(await v.validate('handle', 'john')).errors).toEqual([
      'Handle domain needs at least two parts',
    ]);
    expect(normalize(await v.validate('did', 'did:method:')).errors).toEqual([
      'DID can not end with ":" or "%"',
    ]);
    expect(normalize(await v.validate('did', 7)).errors).toEqual(['expected a string, got number']);
  });
});
