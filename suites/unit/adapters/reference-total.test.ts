import fc from 'fast-check';
import { create } from '../../../src/adapters/reference.js';
import { VALIDATOR_KINDS } from '../../../src/spec/index.js';

// Whatever JSON value the runner sends, the reference answers valid or invalid: it never throws.
const reference = create();

function answers(value: unknown): void {
  for (const kind of VALIDATOR_KINDS) {
    const verdict = reference.validate(kind, value) as { valid: boolean };
    expect(typeof verdict.valid).toBe('boolean');
  }
}

function nested(levels: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = i % 3 === 0 ? [v] : { didDoc: v, k: v === leaf ? 1 : 0 };
  return v;
}

describe('the reference answers every JSON value', () => {
  it('on any JSON value, as a handle, a DID and both sessions', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => answers(v)),
      { numRuns: 300 },
    );
  });

  it('on sessions with any JSON in every field, object-internal keys and lone surrogates', () => {
    const keys = fc.constantFrom(
      'handle',
      'did',
      'didDoc',
      'accessJwt',
      '__proto__',
      'constructor',
      '\ud800',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keys, fc.jsonValue({ maxDepth: 3 })), { maxLength: 6 }),
        (entries) => {
          const text = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
          answers(JSON.parse(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('at any depth', () => {
    for (const leaf of [1, 0.5, '\udfff', { $link: 5 }]) {
      answers({ handle: 'alice.test', did: 'did:plc:x', didDoc: { d: nested(100_000, leaf) } });
      answers(nested(100_000, leaf));
    }
  });
});
