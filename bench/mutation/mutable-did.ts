import type { Bug } from './bugs.js';

/*
 * DID syntax (https://atproto.com/specs/did), written out a second time so that each check can
 * carry a seeded bug. With no bug it accepts exactly what the reference oracle accepts: `did:`,
 * a method of lowercase letters, `:`, an identifier of ASCII letters, digits and `._:%-` that
 * does not end in `:` or `%`, at most 2048 characters in all.
 */

const ID_PUNCTUATION = '._:%-';

function idCharOk(c: string, bug: Bug | undefined): boolean {
  if (/^[a-zA-Z0-9]$/.test(c) || ID_PUNCTUATION.includes(c)) return true;
  if (bug === 'did-unicode-letters') return /^[\p{L}\p{N}]$/u.test(c);
  // A DID URL path is taken for part of the DID.
  if (bug === 'did-slash-ok') return c === '/';
  return false;
}

/** The string to check, after whatever a buggy validator does to its input first. */
function inputString(input: unknown, bug: Bug | undefined): string | undefined {
  if (typeof input === 'string') {
    let s = input;
    // Python's `re.match(r'...$')`: `$` also matches just before a final newline.
    if (bug === 'did-dollar-newline' && s.endsWith('\n')) s = s.slice(0, -1);
    // A DID URL parser drops the query and fragment and checks what is left.
    if (bug === 'did-strip-fragment') s = s.split(/[?#]/)[0] as string;
    return s;
  }
  if (bug === 'did-stringify' && input !== null && input !== undefined) return String(input);
  return undefined;
}

function maxLength(bug: Bug | undefined): number {
  if (bug === 'did-max-2049') return 2049;
  if (bug === 'did-max-2047') return 2047;
  return 2048;
}

function methodOk(method: string, bug: Bug | undefined): boolean {
  if (bug === 'did-known-methods-only') return method === 'plc' || method === 'web';
  if (bug === 'did-method-any-case') return /^[a-zA-Z]+$/.test(method);
  if (bug === 'did-method-digits') return /^[a-z0-9]+$/.test(method);
  return /^[a-z]+$/.test(method);
}

/** Method-specific checks an over-strict validator adds to the generic syntax. */
function identifierStrictOk(method: string, id: string, bug: Bug | undefined): boolean {
  switch (bug) {
    case 'did-no-colon-in-identifier':
      return !id.includes(':');
    case 'did-no-percent':
      return !id.includes('%');
    case 'did-percent-upper-hex-only':
      // RFC 3986 prefers upper-case hex; lower case is just as valid here.
      return !/%[0-9A-Fa-f]{2}/.test(id.replace(/%[0-9A-F]{2}/g, ''));
    case 'did-lowercase-identifier':
      return !/[A-Z]/.test(id);
    case 'did-plc-strict':
      return method !== 'plc' || /^[a-z2-7]{24}$/.test(id);
    case 'did-web-hostname':
      return method !== 'web' || /^[a-zA-Z0-9.-]+$/.test(id);
    case 'did-no-underscore':
      return !id.includes('_');
    default:
      return true;
  }
}

/** Whether a DID is accepted; `bug` seeds one mistake (none: the correct answer). */
export function didOk(input: unknown, bug?: Bug): boolean {
  const s = inputString(input, bug);
  if (s === undefined || s.length > maxLength(bug)) return false;
  const prefix = s.slice(0, 4);
  if ((bug === 'did-prefix-any-case' ? prefix.toLowerCase() : prefix) !== 'did:') return false;
  const rest = s.slice(4);
  const colon = rest.indexOf(':');
  const method = colon === -1 ? rest : rest.slice(0, colon);
  if (!methodOk(method, bug)) return false;
  // `did:[a-z]+(:.*)?`: the identifier made optional.
  if (colon === -1) return bug === 'did-identifier-optional';
  const id = rest.slice(colon + 1);
  for (const c of id) if (!idCharOk(c, bug)) return false;
  if (id.endsWith(':') && bug !== 'did-trailing-colon-ok') return false;
  if (id.endsWith('%') && bug !== 'did-trailing-percent-ok') return false;
  if (id.length === 0 && bug !== 'did-trailing-colon-ok') return false;
  return identifierStrictOk(method, id, bug);
}
