import { readResource } from '../../../src/util/paths.js';
import { build, describeAdapter, normalize, UNKNOWN_DID_DOC_DEVIATIONS } from './_agreement.js';

// Lexicon `unknown` is checked only for "is a non-null object": arrays pass, and the nested data
// is not checked against the data model (floats pass).
describeAdapter({
  id: 'atproto-lexicon',
  versionOf: '@atproto/lexicon',
  kinds: ['session', 'getSession'],
  deviations: UNKNOWN_DID_DOC_DEVIATIONS,
});

describe('atproto-lexicon error messages', () => {
  it('reports the lexicon validation error', async () => {
    const v = await build('atproto-lexicon');
    const result = normalize(await v.validate('getSession', { did: 'did:plc:x' }));
    expect(result).toEqual({ valid: false, errors: ['Output must have the property "handle"'] });
  });
});

describe('kind session checked against createSession', () => {
  // Descriptions aside, refreshSession declares the very same output, so one check covers both.
  const output = (id: string): unknown =>
    JSON.parse(readResource('vendor', 'lexicons', `${id}.json`), (key, value) =>
      key === 'description' ? undefined : value,
    ).defs.main.output;

  it('covers refreshSession, whose output is the same', () => {
    expect(output('com.atproto.server.refreshSession')).toEqual(
      output('com.atproto.server.createSession'),
    );
  });
});
