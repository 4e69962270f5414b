import {
  DID_RULES,
  type DidPolicyRuleId,
  type DidRuleId,
  inOrder,
  rejectIds,
} from './rules/index.js';

/*
 * DID syntax, https://atproto.com/specs/did ("DID Identifier Syntax"), in English:
 * - starts with lowercase `did:`
 * - the method is one or more lowercase letters, followed by `:`
 * - the identifier uses only ASCII letters, digits and `._:%-`; no `?`, `#` or `/`
 * - the DID does not end in `:` or `%`
 * - at most 2048 characters
 * Percent-encoding is not validated ("implementations do not need to validate percent
 * encoding"), any method is valid syntax, and did:plc length is a resolution matter.
 */

export const MAX_DID_LENGTH = 2048;

export type DidString = `did:${string}:${string}`;

export class InvalidDidError extends Error {
  override readonly name = 'InvalidDidError';
  constructor(readonly rules: readonly DidRuleId[]) {
    super(`Invalid DID: breaks ${rules.join(', ')}`);
  }
}

const ALLOWED_CHAR = /^[a-zA-Z0-9._:%-]$/;
const ALL_ALLOWED = /^[a-zA-Z0-9._:%-]*$/;
const QUERY_FRAGMENT_PATH = /^[?#/]$/;

/** Every DID syntax rule the input breaks, in catalogue order; empty when the DID is valid. */
export function didViolations(input: unknown): DidRuleId[] {
  if (typeof input !== 'string') return ['did.type.string'];
  const found = new Set<DidRuleId>();

  // The character walk only runs for a DID that has a character outside the allowed set.
  if (!ALL_ALLOWED.test(input))
    for (const ch of input) {
      if (QUERY_FRAGMENT_PATH.test(ch)) found.add('did.no-query-fragment-path');
      else if (!ALLOWED_CHAR.test(ch)) found.add('did.chars.allowed');
    }
  if (input.length > MAX_DID_LENGTH) found.add('did.length.max');
  if (input.endsWith(':')) found.add('did.end.no-colon');
  if (input.endsWith('%')) found.add('did.end.no-percent');

  if (!input.startsWith('did:')) {
    found.add('did.prefix');
  } else {
    const rest = input.slice(4);
    const colon = rest.indexOf(':');
    const method = colon === -1 ? rest : rest.slice(0, colon);
    if (!/^[a-z]+$/.test(method)) found.add('did.method.lowercase');
    if (colon === -1) found.add('did.identifier.present');
  }
  return inOrder(ORDER, found);
}

const ORDER: readonly DidRuleId[] = rejectIds(DID_RULES);

export function isValidDid(input: unknown): input is DidString {
  return didViolations(input).length === 0;
}

export function ensureValidDid(input: unknown): asserts input is DidString {
  const rules = didViolations(input);
  if (rules.length > 0) throw new InvalidDidError(rules);
}

/**
 * Method policy for the blessed methods (SHOULD level; live mode only). A syntactically valid
 * DID of another method breaks none of these.
 */
export function didPolicyViolations(did: string): DidPolicyRuleId[] {
  const found: DidPolicyRuleId[] = [];
  if (did.startsWith('did:plc:')) {
    // https://web.plc.directory/spec/v0.1/did-plc: 24 chars of base32 [a-z2-7]
    if (!/^did:plc:[a-z2-7]{24}$/.test(did)) found.push('did.plc.identifier-format');
  } else if (did.startsWith('did:web:')) {
    const id = did.slice('did:web:'.length);
    if (id.includes(':')) found.push('did.web.hostname-only');
    const port = id.search(/%3a/i);
    if (port !== -1 && id.slice(0, port).toLowerCase() !== 'localhost') {
      found.push('did.web.port-localhost-only');
    }
  }
  return found;
}
