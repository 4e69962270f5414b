import type { Validator } from 'atproto-session-conformance';

/*
 * A hand-written validator for handles and DIDs, as an application might have it: two regular
 * expressions and two length limits, straight from https://atproto.com/specs/handle and
 * https://atproto.com/specs/did. The conformance tests next to it keep it honest.
 */

// Labels: 1-63 ASCII letters, digits and inner hyphens. The last label must start with a letter.
const HANDLE =
  /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

// `did:`, a lowercase method, then an identifier that does not end with `:` or `%`.
const DID = /^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$/;

export function isHandle(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 253 && HANDLE.test(value);
}

export function isDid(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 2048 && DID.test(value);
}

/** The shape the conformance suite certifies: a name, the kinds it handles, and `validate`. */
export const validator: Validator = {
  name: 'handle-did-validator',
  version: '1.0.0',
  kinds: ['handle', 'did'],
  validate: (kind, value) => (kind === 'handle' ? isHandle(value) : isDid(value)),
};

export default validator;
