import { z } from 'zod';

/*
 * zod 4 schemas for the AT Protocol session objects, from the lexicons
 * com.atproto.server.{createSession,refreshSession,getSession} (output schema):
 * - objects are loose: fields the lexicon does not declare are allowed and kept
 * - no field is nullable, so `null` is rejected everywhere
 * - tokens are opaque strings (not `z.jwt()`: the reference PDS uses `typ: at+jwt`)
 * - `email` has no format and `status` is an open set (lexicon knownValues), so both are strings
 * - `didDoc` is lexicon `unknown`: an object, not an array, holding no float at any depth
 */

// https://atproto.com/specs/handle: the reference regex, plus "at most 253 characters long"
const HANDLE_REGEX =
  /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
// https://atproto.com/specs/did: the reference regex, plus "a current hard limit of 2048 characters"
const DID_REGEX = /^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$/;

export const handleSchema = z
  .string()
  .max(253, 'Handle is too long (253 chars max)')
  .regex(HANDLE_REGEX, 'Invalid handle syntax');

export const didSchema = z
  .string()
  .max(2048, 'DID is too long (2048 chars max)')
  .regex(DID_REGEX, 'Invalid DID syntax');

/** The path of the first non-integer number inside `value`, or undefined when there is none. */
function floatPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | undefined {
  if (typeof value === 'number') {
    // 64-bit integers only: "integer is limited to 64 bits even ignoring Javascript".
    return Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63 ? undefined : path;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = floatPath(item, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// https://atproto.com/specs/data-model: "for now we disallow floats"; 1.0 parses to 1 in JSON.
// A custom schema rather than z.record: it checks the input itself, not a rebuilt copy (a copy
// would turn an own `__proto__` key from JSON.parse into a prototype and hide what it holds).
export const didDocSchema = z
  .custom<Record<string, unknown>>(isPlainObject, 'Expected an object (not an array or null)')
  .superRefine((doc, ctx) => {
    const path = floatPath(doc);
    if (path !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'Floats are not allowed in atproto data', path });
    }
  });

const optionalFields = {
  didDoc: didDocSchema.optional(),
  email: z.string().optional(),
  emailConfirmed: z.boolean().optional(),
  emailAuthFactor: z.boolean().optional(),
  active: z.boolean().optional(),
  // Known values: takendown, suspended, deactivated; any other string is valid too.
  status: z.string().optional(),
};

/** The createSession and refreshSession output. */
export const sessionSchema = z.looseObject({
  accessJwt: z.string(),
  refreshJwt: z.string(),
  handle: handleSchema,
  did: didSchema,
  ...optionalFields,
});

/** The getSession output: no tokens (token fields there are undeclared fields). */
export const getSessionSchema = z.looseObject({
  handle: handleSchema,
  did: didSchema,
  ...optionalFields,
});

export type Handle = z.infer<typeof handleSchema>;
export type Did = z.infer<typeof didSchema>;
export type DidDoc = z.infer<typeof didDocSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type GetSession = z.infer<typeof getSessionSchema>;
