import type { Bug } from './bugs.js';

/*
 * The atproto data model inside didDoc, written out a second time for seeded bugs: 64-bit
 * integers, Unicode strings and keys, `$type`, `$bytes`, `$link` and blob objects, and a didDoc
 * that is not itself a compound type. With no bug it agrees with the reference oracle.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const LONE = /[\uD800-\uDFFF]/u;
const CID = /^[a-zA-Z0-9+=]{8,256}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
const RESERVED = ['$type', '$link', '$bytes'];

/** A string of Unicode text. */
export function textOk(s: string): boolean {
  return !LONE.test(s);
}

/** The range of a whole number (fractional parts are the float check's). */
function integerOk(n: number, bug: Bug | undefined): boolean {
  if (!Number.isInteger(n)) return true;
  if (bug === 'unbounded-integers') return true;
  if (bug === 'float64-safe-integers') return Number.isSafeInteger(n);
  if (bug === 'int32-integers') return n >= -(2 ** 31) && n < 2 ** 31;
  return n >= -(2 ** 63) && n <= 2 ** 63;
}

const linkOk = (v: unknown): boolean =>
  isObject(v) &&
  Object.keys(v).length === 1 &&
  typeof v.$link === 'string' &&
  CID.test(v.$link) &&
  !v.$link.startsWith('Qm');

function objectOk(o: Json, bug: Bug | undefined): boolean {
  const keys = Object.keys(o);
  if (keys.some((k) => LONE.test(k))) return false;
  if (bug === 'dollar-keys-refused' && keys.some((k) => k.startsWith('$') && !RESERVED.includes(k)))
    return false;
  const t = o.$type;
  if (Object.hasOwn(o, '$type') && bug !== 'type-field-unchecked') {
    if (typeof t !== 'string' || t === '') return false;
  }
  if (t === 'blob' && bug !== 'blob-unchecked') {
    const { ref, mimeType, size } = o;
    const ok =
      linkOk(ref) &&
      typeof mimeType === 'string' &&
      mimeType !== '' &&
      typeof size === 'number' &&
      Number.isInteger(size) &&
      size > 0;
    if (!ok) return false;
  }
  // A record must carry a datetime `createdAt`: true of most records, not of atproto data.
  if (bug === 'record-created-at' && typeof t === 'string' && t !== 'blob') {
    if (typeof o.createdAt !== 'string' || Number.isNaN(Date.parse(o.createdAt))) return false;
  }
  if (Object.hasOwn(o, '$bytes') && bug !== 'bytes-unchecked') {
    if (keys.length !== 1 || typeof o.$bytes !== 'string' || !BASE64.test(o.$bytes)) return false;
  }
  if (Object.hasOwn(o, '$link') && bug !== 'link-unchecked' && !linkOk(o)) return false;
  return true;
}

/** Whether a didDoc object holds atproto data only (walked without recursion). */
export function didDocDataOk(doc: Json, bug: Bug | undefined): boolean {
  const compound =
    Object.hasOwn(doc, '$link') || Object.hasOwn(doc, '$bytes') || doc.$type === 'blob';
  if (compound && bug !== 'compound-top-level-ok') return false;
  const stack: [unknown, number][] = [[doc, 2]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (typeof node === 'number' && !integerOk(node, bug)) return false;
    if (typeof node === 'string' && !textOk(node)) return false;
    if (typeof node !== 'object' || node === null) continue;
    // A parser with a recursion limit of 32 (counting the session object).
    if (bug === 'depth-limit-32' && depth > 32) return false;
    if (isObject(node) && !objectOk(node, bug)) return false;
    for (const v of Object.values(node)) stack.push([v, depth + 1]);
  }
  return true;
}
