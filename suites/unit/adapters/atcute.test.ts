import { build, describeAdapter, normalize, UNKNOWN_DID_DOC_DEVIATIONS } from './_agreement.js';

// `v.unknown()` accepts any non-null object: arrays pass, and floats inside are not looked at.
describeAdapter({
  id: 'atcute',
  versionOf: '@atcute/lexicons',
  deviations: UNKNOWN_DID_DOC_DEVIATIONS,
});

describe('atcute error messages', () => {
  it('reports every safeParse issue with its path', async () => {
    const v = await build('atcute');
    const { errors } = normalize(await v.validate('session', { handle: 'john', did: 'did:a:b' }));
    expect([...errors].sort()).toEqual([
      '/accessJwt missing_value',
      '/handle invalid_string_format (expected handle)',
      '/refreshJwt missing_value',
    ]);
  });
});
