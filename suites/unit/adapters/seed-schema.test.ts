import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readResource } from '../../../src/util/paths.js';
import { describeAdapter } from './_agreement.js';
import { valueName } from './_cases.js';

const LONG_HANDLE = `shoooort${'.loooooooooooooooooooooooooong'.repeat(9)}.test`;
const LONG_DID = `did:method:${'v'.repeat(2492)}`;

// Each deviation is one of docs/seed-schema.md, seen on a concrete value.
describeAdapter({
  id: 'seed-schema',
  versionOf: 'ajv',
  kinds: ['handle', 'did', 'session'],
  deviations: [
    // Single-label handles are accepted.
    'handle "john"',
    'handle "org"',
    'handle "ai"',
    'handle "gg"',
    'handle "io"',
    'session invalid handle inside (single label)',
    // A TLD starting with a digit is accepted (IPv4 addresses too).
    'handle "john.0"',
    'handle "cn.8"',
    'handle "thing.0aa"',
    'handle "127.0.0.1"',
    'handle "192.168.0.142"',
    'session invalid handle inside (TLD starts with a digit)',
    // No 253-character limit on handles, no 2048-character limit on DIDs.
    `handle ${valueName(LONG_HANDLE)}`,
    'handle 254 chars',
    'session invalid handle inside (254 chars)',
    `did ${valueName(LONG_DID)}`,
    'did 2049 chars',
    'session DID of 2049 chars inside',
    // status is a closed enum.
    'session status "deleted" (open set)',
    'session status "desynchronized"',
    // format: email.
    'session email josé@example.com (no format)',
    'session email that is no address at all',
    // Floats in didDoc are accepted.
    'session float at top of didDoc',
    'session float in nested didDoc',
  ],
});

const seed = JSON.parse(readResource('vendor', 'seed', 'atproto-session-schema.json')) as {
  required: string[];
  examples: { accessJwt: string }[];
};

describe('seed schema facts behind docs/seed-schema.md', () => {
  it('compiles in ajv strict mode once ajv-formats is added, and not without it', () => {
    const withFormats = new Ajv2020({ strict: true });
    addFormats.default(withFormats);
    expect(() => withFormats.compile(seed)).not.toThrow();
    expect(() => new Ajv2020({ strict: true }).compile(seed)).toThrow(/unknown format "email"/);
  });

  it('requires the tokens, so it cannot describe getSession', () => {
    expect(seed.required).toEqual(['accessJwt', 'refreshJwt', 'handle', 'did']);
  });

  it('has an example access token whose header says typ JWT, not at+jwt', () => {
    const [header] = seed.examples[0]?.accessJwt.split('.') ?? [];
    const decoded = JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8'));
    expect(decoded).toEqual({ typ: 'JWT', alg: 'ES256K' });
  });
});
