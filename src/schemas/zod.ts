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

// Unpaired UTF-16 surrogates: with the `u` flag only lone ones match. Strings are "Unicode, UTF-8".
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const CID = /^[a-zA-Z0-9+=]{8,256}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isLink = (v: unknown): boolean =>
  isPlainObject(v) &&
  Object.keys(v).length === 1 &&
  typeof v.$link === 'string' &&
  CID.test(v.$link) &&
  !v.$link.startsWith('Qm');

const isBytes = (v: Record<string, unknown>): boolean => {
  const b = v.$bytes;
  if (Object.keys(v).length !== 1 || typeof b !== 'string' || !BASE64.test(b)) return false;
  const body = b.replace(/=+$/, '');
  return body.length % 4 !== 1 && (body.length === b.length || b.length % 4 === 0);
};

const isBlob = (v: Record<string, unknown>): boolean =>
  isLink(v.ref) &&
  typeof v.mimeType === 'string' &&
  v.mimeType.length > 0 &&
  Number.isInteger(v.size) &&
  (v.size as number) > 0;

/** What breaks one node of atproto data (not looking inside it), or undefined. */
function nodeFault(node: unknown): string | undefined {
  if (typeof node === 'number')
    // 64-bit integers only; 2^63 is what the largest int64 text parses to.
    return Number.isInteger(node) && node >= -(2 ** 63) && node <= 2 ** 63
      ? undefined
      : 'Floats are not allowed in atproto data';
  if (typeof node === 'string')
    return LONE_SURROGATE.test(node) ? 'Strings must be Unicode (lone surrogate)' : undefined;
  if (!isPlainObject(node)) return undefined;
  if (Object.keys(node).some((k) => LONE_SURROGATE.test(k)))
    return 'Keys must be Unicode (lone surrogate)';
  if (Object.hasOwn(node, '$type') && (typeof node.$type !== 'string' || node.$type === ''))
    return '$type must be a non-empty string';
  if (node.$type === 'blob' && !isBlob(node)) return 'Malformed blob';
  if (Object.hasOwn(node, '$bytes') && !isBytes(node)) return 'Malformed $bytes';
  if (Object.hasOwn(node, '$link') && !isLink(node)) return 'Malformed $link';
  return undefined;
}

/** The path and message of the first data-model fault inside `value`, walked without recursion. */
function dataFault(value: unknown): { path: PropertyKey[]; message: string } | undefined {
  const stack: [unknown, PropertyKey[]][] = [[value, []]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, path] = top;
    const message = nodeFault(node);
    if (message !== undefined) return { path, message };
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, item] of Object.entries(node))
      stack.push([item, [...path, Array.isArray(node) ? Number(key) : key]]);
  }
  return undefined;
}

// https://atproto.com/specs/data-model: no floats, Unicode strings, well-formed compound types;
// https://atproto.com/specs/lexicon (`unknown`): the top level is an object, not itself a
// compound type. A custom schema rather than z.record: it checks the input itself, not a rebuilt
// copy (a copy would turn an own `__proto__` key from JSON.parse into a prototype and hide it).
export const didDocSchema = z
  .custom<Record<string, unknown>>(isPlainObject, 'Expected an object (not an array or null)')
  .superRefine((doc, ctx) => {
    if (Object.hasOwn(doc, '$link') || Object.hasOwn(doc, '$bytes') || doc.$type === 'blob')
      ctx.addIssue({ code: 'custom', message: 'didDoc must not be a compound type' });
    const fault = dataFault(doc);
    if (fault !== undefined) ctx.addIssue({ code: 'custom', ...fault });
  });

/** A string that is Unicode text (no lone surrogate). */
const text = () =>
  z.string().refine((s) => !LONE_SURROGATE.test(s), 'Strings must be Unicode (lone surrogate)');

const optionalFields = {
  didDoc: didDocSchema.optional(),
  email: text().optional(),
  emailConfirmed: z.boolean().optional(),
  emailAuthFactor: z.boolean().optional(),
  active: z.boolean().optional(),
  // Known values: takendown, suspended, deactivated; any other string is valid too.
  status: text().optional(),
};

/** The createSession and refreshSession output. */
export const sessionSchema = z.looseObject({
  accessJwt: text(),
  refreshJwt: text(),
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
