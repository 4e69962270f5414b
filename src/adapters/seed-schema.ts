// The seed JSON Schema (vendor/seed, kept verbatim) under ajv. It describes the createSession
// output only, so it has no getSession kind; handles and DIDs are judged inside a session object.
// It is expected to fail certification: docs/seed-schema.md lists where it departs from atproto.

import type { Validator } from '../contract/validator.js';
import { readResource } from '../util/paths.js';
import { ajvResult, ajvVersion, createAjv } from './ajv-support.js';

const SCHEMA_FILE = ['vendor', 'seed', 'atproto-session-schema.json'] as const;

/** An otherwise-valid session; the value under test replaces one of its fields. */
const CARRIER = {
  accessJwt: 'access-token',
  refreshJwt: 'refresh-token',
  handle: 'alice.test',
  did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
} as const;

export function create(): Validator {
  const ajv = createAjv();
  const validate = ajv.compile(JSON.parse(readResource(...SCHEMA_FILE)) as object);
  return {
    name: 'seed JSON Schema (ajv + ajv-formats)',
    version: ajvVersion(),
    kinds: ['handle', 'did', 'session'],
    validate(kind, value) {
      if (kind === 'handle') return ajvResult(validate, { ...CARRIER, handle: value });
      if (kind === 'did') return ajvResult(validate, { ...CARRIER, did: value });
      if (kind === 'session') return ajvResult(validate, value);
      throw new Error(`kind ${kind} is not supported`);
    },
  };
}
