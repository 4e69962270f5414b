import {
  didDocSchema,
  type GetSession,
  getSessionSchema,
  type Session,
  sessionSchema,
} from '../../../src/schemas/zod.js';
import { build, describeAdapter, normalize } from './_agreement.js';

// Ours to make correct: no deviation allowed.
describeAdapter({
  id: 'zod',
  versionOf: 'zod',
});

describe('the exported zod schemas', () => {
  const base: GetSession = { handle: 'alice.test', did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz' };

  it('keep unknown fields in the parsed output', () => {
    const session: Session = { ...base, accessJwt: 'a', refreshJwt: 'r', status: 'deleted' };
    expect(sessionSchema.parse({ ...session, future: { x: 1 } })).toEqual({
      ...session,
      future: { x: 1 },
    });
  });

  it('accept tokens whose header has typ at+jwt (no z.jwt)', () => {
    const header = Buffer.from('{"typ":"at+jwt","alg":"HS256"}').toString('base64url');
    const token = `${header}.e30.c2ln`;
    expect(sessionSchema.safeParse({ ...base, accessJwt: token, refreshJwt: token }).success).toBe(
      true,
    );
  });

  it('check the didDoc as given, even under an own __proto__ key', () => {
    const doc = JSON.parse('{"__proto__": {"weight": 0.5}}') as unknown;
    expect(didDocSchema.safeParse(doc).success).toBe(false);
    expect(getSessionSchema.safeParse({ ...base, didDoc: doc }).success).toBe(false);
  });
});

describe('zod error messages', () => {
  it('give the path of each issue', async () => {
    const v = await build('zod');
    const value = { handle: 'john', did: 'did:a:b', didDoc: { s: [{ w: 0.5 }] }, email: null };
    const { errors } = normalize(await v.validate('getSession', value));
    expect(errors).toEqual([
      '/handle Invalid handle syntax',
      '/didDoc/s/0/w Floats are not allowed in atproto data',
      '/email Invalid input: expected string, received null',
    ]);
  });
});
