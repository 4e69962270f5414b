import { build, describeAdapter, normalize } from './_agreement.js';

describeAdapter({
  id: 'lex-schema',
  versionOf: '@atproto/lex-schema',
});

describe('lex-schema error messages', () => {
  it('names the path of a float inside didDoc', async () => {
    const v = await build('lex-schema');
    const value = { handle: 'a.test', did: 'did:a:b', didDoc: { s: [{ w: 0.5 }] } };
    const { errors } = normalize(await v.validate('getSession', value));
    expect(errors.join('\n')).toContain('$.didDoc.s[0].w');
  });
});
