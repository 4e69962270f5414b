import type { Bug } from './bugs.js';
import { dollarNewline, inputString, limit } from './mutable-input.js';

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

/** What a buggy DID validator does to a string before checking it. */
function adjust(s: string, bug: Bug | undefined): string {
  if (bug === 'did-dollar-newline') return dollarNewline(s);
  // A DID URL parser drops the query and fragment and checks what is left.
  if (bug === 'did-strip-fragment') return s.split(/[?#]/)[0] as string;
  return s;
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
  const s = inputString(input, bug, 'did-stringify', (v) => adjust(v, bug));
  const max = limit(bug, 2048, { 'did-max-2049': 2049, 'did-max-2047': 2047 });
  if (s === undefined || s.length > max) return false;
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
