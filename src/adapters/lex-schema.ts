// @atproto/lex-schema, the schema runtime behind `lex build` and @atproto/lex-client. The session
// objects are declared with its builders the way `lex build` compiles the lexicons (`unknown` is
// `l.lexMap()`), and checked the way lex-client checks a response body: `safeParse`, strict.
import { l } from '@atproto/lex-schema';
import type { Validator } from '../contract/validator.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import { libraryVersion } from './library-version.js';

const handle = l.string({ format: 'handle' });
const did = l.string({ format: 'did' });

const optionalFields = {
  didDoc: l.optional(l.lexMap()),
  email: l.optional(l.string()),
  emailConfirmed: l.optional(l.boolean()),
  emailAuthFactor: l.optional(l.boolean()),
  active: l.optional(l.boolean()),
  status: l.optional(l.string({ knownValues: ['takendown', 'suspended', 'deactivated'] })),
};

export function create(): Validator {
  const schemas: Record<ValidatorKind, l.Schema> = {
    handle,
    did,
    session: l.object({
      accessJwt: l.string(),
      refreshJwt: l.string(),
      handle,
      did,
      ...optionalFields,
    }),
    getSession: l.object({ handle, did, ...optionalFields }),
  };
  return {
    name: '@atproto/lex-schema',
    version: libraryVersion('@atproto/lex-schema'),
    kinds: ['handle', 'did', 'session', 'getSession'],
    validate(kind, value) {
      const result = schemas[kind].safeParse(value, { strict: true });
      if (result.success) return { valid: true };
      return { valid: false, errors: result.reason.issues.map((i) => i.toString()) };
    },
  };
}
