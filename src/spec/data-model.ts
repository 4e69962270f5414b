/*
 * The atproto data model (https://atproto.com/specs/data-model) as it applies to JSON:
 * - no floats: "for now we disallow floats", and "`integer` is limited to 64 bits even ignoring
 *   Javascript". `1.0` parses to the integer 1 and cannot be told apart, so it is no float; and
 *   the JSON text of the largest int64 (9223372036854775807) parses to 2^63 as a double, so 2^63
 *   is accepted too (no valid int64 text reaches the next double, 2^63 + 2048).
 * - strings are "Unicode, UTF-8": a lone surrogate (which JSON's `\ud800` escape can carry) is
 *   not Unicode text. Object keys are strings too.
 * - compound types: `$bytes` is "an object with the single key `$bytes` and string value with the
 *   base64-encoded bytes"; `$link` is "an object with the single key `$link` and the
 *   string-encoded CID"; a blob has `$type: "blob"`, a `ref` link, a non-empty `mimeType` and a
 *   positive integer `size`; `$type`, when present, is a non-empty string. Other `$` fields are
 *   ignored.
 * Every walk is iterative, so a value nested to any depth gets a verdict (no stack overflow).
 */

const INT64_MIN = -(2 ** 63);
/** What `9223372036854775807` (the largest int64) becomes as a double. */
const INT64_MAX_AS_DOUBLE = 2 ** 63;

/** An integer of the data model: whole, and what some signed 64-bit integer's text parses to. */
export function isAtprotoInteger(n: number): boolean {
  return Number.isInteger(n) && n >= INT64_MIN && n <= INT64_MAX_AS_DOUBLE;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// With the `u` flag a surrogate range matches only code units that are not part of a pair;
// without it, any surrogate: the cheap test that most strings (no surrogate at all) stop at.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/** True when the string holds a UTF-16 surrogate that is not half of a pair. */
export function hasLoneSurrogate(s: string): boolean {
  return ANY_SURROGATE.test(s) && LONE_SURROGATE.test(s);
}

const BASE64_BODY = /^[A-Za-z0-9+/]*$/;

/** RFC 4648 section 4 base64 (not URL-safe), `=` padding optional. */
export function isBase64(s: string): boolean {
  const body = s.replace(/={1,2}$/, '');
  const padding = s.length - body.length;
  if (!BASE64_BODY.test(body) || body.length % 4 === 1) return false;
  return padding === 0 || s.length % 4 === 0;
}

// The loose syntax of lexicon `cid` strings; CIDv0 (base58 `Qm…`) is not allowed in atproto.
const CID_SYNTAX = /^[a-zA-Z0-9+=]{8,256}$/;

export function isCidString(s: string): boolean {
  return CID_SYNTAX.test(s) && !s.startsWith('Qm');
}

/** The ways atproto data can be broken, each its own rule of the catalogue. */
export type DataModelFault = 'float' | 'unicode' | 'type-field' | 'bytes' | 'link' | 'blob';

function isLink(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  const link = value.$link;
  return keys.length === 1 && typeof link === 'string' && isCidString(link);
}

function isBytes(value: Record<string, unknown>): boolean {
  const bytes = value.$bytes;
  return Object.keys(value).length === 1 && typeof bytes === 'string' && isBase64(bytes);
}

function isBlob(value: Record<string, unknown>): boolean {
  const { ref, mimeType, size } = value;
  return (
    isLink(ref) &&
    typeof mimeType === 'string' &&
    mimeType.length > 0 &&
    typeof size === 'number' &&
    Number.isInteger(size) &&
    size > 0
  );
}

/** The faults of one object node, not looking inside its values. */
function objectFaults(node: Record<string, unknown>, found: Set<DataModelFault>): void {
  for (const key of Object.keys(node)) if (hasLoneSurrogate(key)) found.add('unicode');
  if (Object.hasOwn(node, '$type')) {
    const t = node.$type;
    if (typeof t !== 'string' || t.length === 0) found.add('type-field');
    else if (t === 'blob' && !isBlob(node)) found.add('blob');
  }
  if (Object.hasOwn(node, '$bytes') && !isBytes(node)) found.add('bytes');
  if (Object.hasOwn(node, '$link') && !isLink(node)) found.add('link');
}

/** Every data-model fault anywhere inside the value, found without recursion. */
export function dataModelFaults(value: unknown): ReadonlySet<DataModelFault> {
  const found = new Set<DataModelFault>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'number') {
      if (!isAtprotoInteger(node)) found.add('float');
    } else if (typeof node === 'string') {
      if (hasLoneSurrogate(node)) found.add('unicode');
    } else if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else if (isPlainObject(node)) {
      objectFaults(node, found);
      for (const item of Object.values(node)) stack.push(item);
    }
  }
  return found;
}

/** True when a non-integer number appears anywhere inside the value. */
export function containsFloat(value: unknown): boolean {
  return dataModelFaults(value).has('float');
}

/**
 * "The top-level data object must not have the structure of a compound data type, like blob
 * (`$type: blob`) or CID link (`$link`)" (lexicon `unknown`); `$bytes` is the third one.
 */
export function isCompoundShape(value: Record<string, unknown>): boolean {
  return Object.hasOwn(value, '$link') || Object.hasOwn(value, '$bytes') || value.$type === 'blob';
}

/** How deeply arrays and objects nest inside a value (a scalar is 0, `{}` is 1), iteratively. */
export function nestingDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) max = depth;
    for (const item of Object.values(node)) stack.push([item, depth + 1]);
  }
  return max;
}
