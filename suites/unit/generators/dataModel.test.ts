import fc from 'fast-check';
import { base64 } from 'multiformats/bases/base64';
import { CID } from 'multiformats/cid';
import {
  base64String,
  beyondInt64,
  cidString,
  int64,
  rawCid,
} from '../../../generators/_internals/dataModel.js';
import { INTERNAL_KEYS, setOwn, twinKeys } from '../../../generators/_internals/decoding.js';
import { invalidDid } from '../../../generators/invalidDid.js';
import { invalidHandle } from '../../../generators/invalidHandle.js';
import { invalidSession } from '../../../generators/invalidSession.js';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

/** What a language with real 64-bit integers reads from the JSON text the runner sends. */
const asInt64Text = (n: number): bigint => BigInt(JSON.stringify(n));

describe('likely causes', () => {
  it('every invalid handle, DID and session carries one', () => {
    const arbs: fc.Arbitrary<{ readonly cause?: string }>[] = [
      invalidHandle(),
      invalidDid(),
      invalidSession({ kind: 'session' }),
      invalidSession({ kind: 'getSession' }),
    ];
    for (const arb of arbs) {
      for (const l of fc.sample(arb, { seed: 7, numRuns: 200 }))
        expect(typeof l.cause === 'string' && l.cause.length > 10).toBe(true);
    }
  });

  it('name the decoding technique for the cases that copy one', () => {
    const causes = fc
      .sample(invalidSession({ kind: 'session', rule: 'session.top-level.object' }), {
        seed: 3,
        numRuns: 300,
      })
      .map((l) => l.cause);
    expect(causes).toContainEqual(expect.stringMatching(/positionally/));
  });
});

describe('data-model building blocks', () => {
  it('int64 values print as valid int64 texts, beyond 32 bits', () => {
    fc.assert(
      fc.property(int64, (n) => {
        const big = asInt64Text(n);
        return big >= MIN && big <= MAX && Math.abs(n) >= 2 ** 31;
      }),
      { numRuns: 500 },
    );
  });

  it('numbers beyond int64 are well clear of what an int64 text rounds to', () => {
    fc.assert(
      fc.property(beyondInt64, (n) => Math.abs(n) > 2 ** 63 + 2048),
      { numRuns: 50 },
    );
  });

  it('twins are what folding and aliasing decoders read as the field', () => {
    expect(twinKeys('accessJwt')).toEqual(
      expect.arrayContaining(['AccessJwt', 'ACCESSJWT', 'acce\u017F\u017FJwt', 'access_jwt']),
    );
    expect(twinKeys('didDoc')).toContain('did_doc');
    expect(twinKeys('did')).not.toContain('did');
  });

  it('sets __proto__ as an own key, as JSON.parse does', () => {
    expect(INTERNAL_KEYS).toContain('__proto__');
    const o = setOwn({}, '__proto__', { handle: 1 });
    expect(Object.keys(o)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(JSON.stringify(o)).toBe('{"__proto__":{"handle":1}}');
  });
});

describe('compound values decode as real ones', () => {
  it('CIDs parse, with the codec of data links and of blobs', () => {
    for (const [arb, codec] of [
      [cidString, 0x71],
      [rawCid, 0x55],
    ] as const) {
      for (const c of fc.sample(arb, { seed: 1, numRuns: 200 })) {
        const cid = CID.parse(c);
        expect([c, cid.version, cid.code, cid.toString()]).toEqual([c, 1, codec, c]);
      }
    }
  });

  it('base64 is canonical: a strict decoder reads it and writes it back', () => {
    for (const b of fc.sample(base64String, { seed: 1, numRuns: 200 })) {
      const bare = b.replace(/=+$/, '');
      expect(base64.baseDecode(bare)).toBeInstanceOf(Uint8Array);
      expect(base64.baseEncode(base64.baseDecode(bare))).toBe(bare);
    }
  });
});
