import fc from 'fast-check';
import type { Validator } from '../../../src/contract/validator.js';
import { examplesFor } from '../../../src/runner/examples.js';
import { check } from '../../../src/spec/oracle.js';
import { RULES } from '../../../src/spec/rules/index.js';
import { VALIDATOR_KINDS, type ValidatorKind } from '../../../src/spec/rules/types.js';
import { build, normalize } from './_agreement.js';

/*
 * The two targets this project makes correct (json-schema, zod) must agree with the oracle on
 * any value, not only on the hand-picked cases: random near-valid handles, DIDs and sessions,
 * plus the runner's explicit examples for every rule.
 */

const HANDLE_RE =
  /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const DID_RE = /^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$/;

// Strings from a small alphabet hit label, hyphen, digit and colon edge cases often.
const nearHandle = fc
  .array(
    fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', '-', '_', 'é', ' '), maxLength: 6 }),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((labels) => labels.join('.'));
const nearDid = fc
  .tuple(
    fc.constantFrom('did:', 'DID:', 'did'),
    fc.string({ unit: fc.constantFrom('a', 'z', 'M', '1'), maxLength: 4 }),
    fc.constantFrom(':', ''),
    fc.string({
      unit: fc.constantFrom('a', 'Z', '0', '.', '_', ':', '%', '-', '/', '#', '\n'),
      maxLength: 8,
    }),
  )
  .map((parts) => parts.join(''));

const handleValue = fc.oneof(fc.stringMatching(HANDLE_RE), nearHandle, fc.jsonValue());
const didValue = fc.oneof(fc.stringMatching(DID_RE), nearDid, fc.jsonValue());

const atprotoData = fc.jsonValue().filter((v) => JSON.stringify(v)?.match(/\d\.\d|e-/) === null);
const didDocValue = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 5 }), atprotoData, { maxKeys: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 4 }),
  fc.jsonValue(),
);

const field = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, fc.jsonValue());

const sessionValue = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(
        fc.record(
          {
            accessJwt: field(fc.string()),
            refreshJwt: field(fc.string()),
            handle: fc.oneof(fc.constant('alice.test'), handleValue),
            did: fc.oneof(fc.constant('did:plc:ewvi7nxzyoun6zhxrhs64oiz'), didValue),
            didDoc: didDocValue,
            email: field(fc.string()),
            emailConfirmed: field(fc.boolean()),
            emailAuthFactor: field(fc.boolean()),
            active: field(fc.boolean()),
            status: field(fc.string()),
          },
          { requiredKeys: [] },
        ),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 3 }),
      )
      .map(([declared, extra]) => ({ ...extra, ...declared })),
  },
  { weight: 1, arbitrary: fc.jsonValue() },
);

const VALUES: Record<ValidatorKind, fc.Arbitrary<unknown>> = {
  handle: handleValue,
  did: didValue,
  session: sessionValue,
  getSession: sessionValue,
};

describe.each(['json-schema', 'zod'])('%s agrees with the oracle', (id) => {
  let validator: Validator;
  beforeAll(async () => {
    validator = await build(id);
  });

  it.each(VALIDATOR_KINDS)('on random %s values', async (kind) => {
    await fc.assert(
      fc.asyncProperty(VALUES[kind], async (value) => {
        const { valid } = normalize(await validator.validate(kind, value));
        expect(valid).toBe(check(kind, value).valid);
      }),
      { numRuns: 400, seed: 20260821 },
    );
  });

  it("on the runner's explicit examples for every rule", async () => {
    const examples = RULES.flatMap((r) => examplesFor(r.id));
    expect(examples.length).toBeGreaterThan(100);
    for (const c of examples) {
      const { valid } = normalize(await validator.validate(c.kind as ValidatorKind, c.value));
      expect({ kind: c.kind, value: c.value, valid }).toEqual({
        kind: c.kind,
        value: c.value,
        valid: c.valid,
      });
    }
  });
});
