// The project's own zod 4 schemas (src/schemas/zod.ts), shipped for users.
import type { z } from 'zod';
import type { Validator } from '../contract/validator.js';
import { didSchema, getSessionSchema, handleSchema, sessionSchema } from '../schemas/zod.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import { libraryVersion } from './library-version.js';

const SCHEMAS: Record<ValidatorKind, z.ZodType> = {
  handle: handleSchema,
  did: didSchema,
  session: sessionSchema,
  getSession: getSessionSchema,
};

/** `<path> <message>` per issue, `/`-separated like a JSON pointer. */
function messages(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `/${i.path.map(String).join('/')} ${i.message}`);
}

export function create(): Validator {
  return {
    name: 'atproto-session-conformance zod schema',
    version: libraryVersion('zod'),
    kinds: ['handle', 'did', 'session', 'getSession'],
    validate(kind, value) {
      const result = SCHEMAS[kind].safeParse(value);
      return result.success
        ? { valid: true }
        : { valid: false, errors: messages(result.error.issues) };
    },
  };
}
