import fc from 'fast-check';
import type { Target, ValidationRequest } from '../../../src/contract/validator.js';
import { check } from '../../../src/spec/oracle.js';
import type { ValidatorKind } from '../../../src/spec/rules/types.js';
import { createTarget } from '../../../src/targets/index.js';
import { resourcePath } from '../../../src/util/paths.js';
import { readInteropFile } from '../../_helpers/interop.js';

// The example harnesses must be correct validators: they agree with the interop vectors and with
// the reference oracle, through the real cmd: target, pipelined and in lockstep.

const HARNESSES = {
  python: `cmd:python3 '${resourcePath('examples', 'harnesses', 'python', 'harness.py')}'`,
  node: `cmd:'${process.execPath}' '${resourcePath('examples', 'harnesses', 'node', 'harness.mjs')}'`,
};

const vectors = (kind: ValidatorKind, file: string, valid: boolean) =>
  readInteropFile(file).map((value) => ({ kind, value, valid }));

const INTEROP = [
  ...vectors('handle', 'handle_syntax_valid.txt', true),
  ...vectors('handle', 'handle_syntax_invalid.txt', false),
  ...vectors('did', 'did_syntax_valid.txt', true),
  ...vectors('did', 'did_syntax_invalid.txt', false),
];

// Strings near the syntax: every character class the rules care about, and lengths near limits.
const near = (chars: string, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...chars), maxLength });
const handleLike = fc.oneof(
  near('ab.-09Z', 20),
  near('a.', 300),
  fc.constant(`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`),
  near('a.-\n é_/', 12),
);
const didLike = fc.oneof(
  near('dia:plcAZ09._%-:/?#\n ', 20).map((s) => `did:${s}`),
  near('did:PLCabc', 12),
  near('a:', 2100).map((s) => `did:a:${s}`),
);
const json = fc.oneof(
  handleLike,
  didLike,
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }),
);
const fields = ['accessJwt', 'refreshJwt', 'handle', 'did', 'didDoc', 'email', 'emailConfirmed'];
const session = fc.record(
  {
    ...Object.fromEntries(fields.map((f) => [f, json])),
    handle: fc.oneof(handleLike, json),
    did: fc.oneof(didLike, json),
    active: fc.oneof(fc.boolean(), json),
    status: fc.oneof(fc.constantFrom('takendown', 'deactivated'), json),
    extra: json,
  },
  { requiredKeys: [] },
);

// Mostly well-formed sessions, so valid ones come up as well as near misses.
const validish = fc.record(
  {
    accessJwt: fc.string(),
    refreshJwt: fc.string(),
    handle: fc.constantFrom('alice.test', 'XN--LS8H.T', 'a.b-c.d', 'alice.test.'),
    did: fc.constantFrom('did:plc:abc', 'did:web:localhost%3A2583', 'did:x:a:', 'did:X:y'),
    didDoc: fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.double())),
    email: fc.string(),
    emailConfirmed: fc.boolean(),
    active: fc.boolean(),
    status: fc.string(),
  },
  { requiredKeys: ['handle', 'did'] },
);

// Edges that random strings rarely hit: a trailing newline, exact length limits.
const base = { accessJwt: 'a', refreshJwt: 'r', handle: 'alice.test', did: 'did:plc:abc' };
const EDGES: ValidationRequest[] = [
  ...['alice.test\n', '\nalice.test', 'alice.test\r\n', 'alice.test\u0000', 'alice.t\u00e9st'],
  ...[
    `${'a'.repeat(63)}.test`,
    `${'a'.repeat(64)}.test`,
    `${'a.'.repeat(125)}abc`,
    `${'a.'.repeat(126)}ab`,
  ],
].map((value) => ({ kind: 'handle', value }));
EDGES.push(
  ...['did:plc:abc\n', 'did:plc:abc%', 'did:plc:abc:', 'did:plc:a%3Ab', 'did:plc:\u00e9']
    .concat([`did:plc:${'a'.repeat(2040)}`, `did:plc:${'a'.repeat(2041)}`])
    .map((value) => ({ kind: 'did' as const, value })),
  ...[
    base,
    { ...base, didDoc: [] },
    { ...base, didDoc: { id: 'x', n: [1, { f: 1.5 }] } },
    { ...base, didDoc: { big: 1e21, small: -0 } },
    { ...base, email: null },
    { ...base, accessJwt: 5 },
    { ...base, handle: 'alice.test\n' },
  ].flatMap((value) => [
    { kind: 'session' as const, value },
    { kind: 'getSession' as const, value },
  ]),
);

function generated(): ValidationRequest[] {
  const sample = <T>(arb: fc.Arbitrary<T>, seed: number) => fc.sample(arb, { seed, numRuns: 250 });
  return [
    ...EDGES,
    ...sample(fc.oneof(handleLike, json), 1).map((value) => ({ kind: 'handle' as const, value })),
    ...sample(fc.oneof(didLike, json), 2).map((value) => ({ kind: 'did' as const, value })),
    ...sample(fc.oneof(validish, session, json), 3).map((value) => ({
      kind: 'session' as const,
      value,
    })),
    ...sample(fc.oneof(validish, session, json), 4).map((value) => ({
      kind: 'getSession' as const,
      value,
    })),
  ];
}

describe.each(Object.entries(HARNESSES))('the %s example harness', (_language, spec) => {
  describe.each([
    ['pipelined', {}],
    ['lockstep', { pipeline: false }],
  ])('%s', (_mode, mode) => {
    let target: Target;
    beforeAll(async () => {
      target = await createTarget(spec, { timeoutMs: 5_000, ...mode });
    });
    afterAll(async () => {
      await target.close();
    });

    it('declares every kind', () => {
      expect(target.info.kinds).toEqual(['handle', 'did', 'session', 'getSession']);
    });

    it('answers every interop vector correctly', async () => {
      const verdicts = await target.validateBatch(INTEROP);
      const wrong = INTEROP.filter(
        (v, i) => verdicts[i]?.outcome !== (v.valid ? 'valid' : 'invalid'),
      );
      expect(wrong).toEqual([]);
      expect(verdicts).toHaveLength(161);
    });

    it('agrees with the reference oracle on generated values of every kind', async () => {
      const requests = generated();
      const verdicts = await target.validateBatch(requests);
      const disagreements = requests
        .map((r, i) => ({ ...r, got: verdicts[i], oracle: check(r.kind, r.value).valid }))
        .filter(({ got, oracle }) => got?.outcome !== (oracle ? 'valid' : 'invalid'));
      expect(disagreements).toEqual([]);
      // The sample exercises both answers for every kind.
      for (const kind of ['handle', 'did', 'session', 'getSession']) {
        const answers = new Set(
          verdicts.filter((_, i) => requests[i]?.kind === kind).map((v) => v.outcome),
        );
        expect(answers).toEqual(new Set(['valid', 'invalid']));
      }
    });
  });
});
