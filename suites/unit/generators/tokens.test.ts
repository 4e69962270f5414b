import fc from 'fast-check';
import { opaqueToken } from '../../../generators/_internals/opaqueToken.js';
import { token } from '../../../generators/_internals/token.js';
import { accessToken } from '../../../generators/accessToken.js';
import { refreshToken } from '../../../generators/refreshToken.js';
import { decodeJwt, isValidDid } from '../../../src/spec/index.js';
import {
  assertProduceCorrectValues,
  assertSameJson,
  assertThat,
} from '../../_helpers/arbitraryAssertions.js';

const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const BASE64URL_PARTS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The claims every session token carries, checked independently of the generator. */
function assertSessionClaims(t: string, typ: string, scope: (s: unknown) => boolean): void {
  assertThat(BASE64URL_PARTS.test(t), 'three base64url parts without padding');
  const jwt = decodeJwt(t);
  assertThat(jwt !== undefined, 'a decodable JWT');
  const { header, payload } = jwt as NonNullable<typeof jwt>;
  assertSameJson(header, { typ, alg: 'HS256' }, 'header');
  assertThat(payload.sub === DID, '`sub` equal to the DID');
  assertThat(
    isValidDid(payload.aud) && String(payload.aud).startsWith('did:web:'),
    'a did:web `aud`',
  );
  assertThat(scope(payload.scope), 'the scope of this kind of token');
  const { iat, exp } = payload;
  assertThat(Number.isInteger(iat) && Number.isInteger(exp), 'integer `iat` and `exp`');
  assertThat((exp as number) > (iat as number), '`exp` after `iat`');
}

describe('accessToken()', () => {
  it('should produce access JWTs coherent with the DID, also when shrunk', () => {
    assertProduceCorrectValues(
      accessToken({ did: DID }),
      (t) =>
        assertSessionClaims(
          t,
          'at+jwt',
          (s) => typeof s === 'string' && s.startsWith('com.atproto.'),
        ),
      { numRuns: 50, maxShrinkSteps: 10 },
    );
  });

  it('should use the audience it is given', () => {
    const aud = 'did:web:pds.example.com';
    for (const t of fc.sample(accessToken({ did: DID, aud }), { seed: 1, numRuns: 20 })) {
      expect(decodeJwt(t)?.payload.aud).toBe(aud);
    }
  });
});

describe('refreshToken()', () => {
  it('should produce refresh JWTs with a jti, also when shrunk', () => {
    assertProduceCorrectValues(
      refreshToken({ did: DID }),
      (t) => {
        assertSessionClaims(t, 'refresh+jwt', (s) => s === 'com.atproto.refresh');
        const jti = decodeJwt(t)?.payload.jti;
        assertThat(typeof jti === 'string' && jti.length > 0, 'a `jti`');
      },
      { numRuns: 50, maxShrinkSteps: 10 },
    );
  });
});

describe('opaqueToken()', () => {
  it('should produce strings that never decode as a JWT, also when shrunk', () => {
    assertProduceCorrectValues(
      opaqueToken(),
      (t) => {
        assertThat(typeof t === 'string', 'a string');
        assertThat(decodeJwt(t) === undefined, 'not a JWT');
      },
      { numRuns: 100, maxShrinkSteps: 10 },
    );
  });
});

describe('token()', () => {
  it('should mix access JWTs, refresh JWTs and opaque strings', () => {
    const values = fc.sample(token(), { seed: 3, numRuns: 300 });
    const typs = values.map((t) => decodeJwt(t)?.header.typ ?? 'opaque');
    expect(new Set(typs)).toEqual(new Set(['at+jwt', 'refresh+jwt', 'opaque']));
    for (const t of values) expect(typeof t).toBe('string');
  });
});
