import { HANDLE_RULES, type HandleRuleId, inOrder, rejectIds } from './rules/index.js';

/*
 * Handle syntax, https://atproto.com/specs/handle ("Handle Identifier Syntax"), in English:
 * - only ASCII letters, digits, hyphens and periods; no whitespace or control characters
 * - at most 253 characters in all
 * - at least two labels, separated by periods; no empty label and no trailing period
 * - each label 1 to 63 characters, not starting or ending with a hyphen
 * - the last label (the TLD) starts with a letter
 * Upper case, `xn--` labels, digit-only labels (not the TLD), the disallowed TLDs and
 * `handle.invalid` are all valid syntax.
 *
 * Each check below reports the rule it enforces, so one value can break several rules and the
 * oracle lists them all (generators label values with exactly these IDs).
 */

export const MAX_HANDLE_LENGTH = 253;
export const MAX_LABEL_LENGTH = 63;
export const INVALID_HANDLE = 'handle.invalid';
export const DISALLOWED_TLDS: readonly string[] = [
  '.alt',
  '.arpa',
  '.example',
  '.internal',
  '.invalid',
  '.local',
  '.localhost',
  '.onion',
];

export type HandleString = `${string}.${string}`;

export class InvalidHandleError extends Error {
  override readonly name = 'InvalidHandleError';
  constructor(readonly rules: readonly HandleRuleId[]) {
    super(`Invalid handle: breaks ${rules.join(', ')}`);
  }
}

// Whitespace, control, format (joiners, BOM) and separator characters, ASCII or not.
const WHITESPACE_CONTROL = /[\s\p{Cc}\p{Cf}\p{Z}]/u;
const ALLOWED_CHAR = /^[a-zA-Z0-9.-]$/;
const ALL_ALLOWED = /^[a-zA-Z0-9.-]*$/;

/** Every handle rule the input breaks, in catalogue order; empty when the handle is valid. */
export function handleViolations(input: unknown): HandleRuleId[] {
  if (typeof input !== 'string') return ['handle.type.string'];
  const found = new Set<HandleRuleId>();

  // The character walk only runs for a handle that has a character outside the allowed set.
  if (!ALL_ALLOWED.test(input))
    for (const ch of input) {
      if (WHITESPACE_CONTROL.test(ch)) found.add('handle.chars.no-whitespace-control');
      else if (!ALLOWED_CHAR.test(ch)) found.add('handle.chars.allowed');
    }
  if (input.length > MAX_HANDLE_LENGTH) found.add('handle.length.max');

  let body = input;
  if (body.endsWith('.')) {
    found.add('handle.label.no-trailing-dot');
    body = body.slice(0, -1);
  }
  const labels = body.split('.');
  if (labels.length < 2) found.add('handle.labels.min-two');
  for (const label of labels) {
    if (label.length === 0) found.add('handle.label.non-empty');
    if (label.length > MAX_LABEL_LENGTH) found.add('handle.label.max-length');
    if (label.startsWith('-') || label.endsWith('-')) found.add('handle.label.hyphen-edges');
  }
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length >= 2 && tld.length > 0 && !/^[a-zA-Z]/.test(tld)) {
    found.add('handle.tld.starts-with-letter');
  }
  return inOrder(ORDER, found);
}

const ORDER: readonly HandleRuleId[] = rejectIds(HANDLE_RULES);

export function isValidHandle(input: unknown): input is HandleString {
  return handleViolations(input).length === 0;
}

export function ensureValidHandle(input: unknown): asserts input is HandleString {
  const rules = handleViolations(input);
  if (rules.length > 0) throw new InvalidHandleError(rules);
}

/** Lower-cases ASCII letters only (handles are case-insensitive ASCII). */
export function normalizeHandle(handle: string): string {
  return handle.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
