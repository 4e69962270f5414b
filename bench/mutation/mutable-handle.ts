import type { Bug } from './bugs.js';
import { dollarNewline, inputString, limit } from './mutable-input.js';

/*
 * Handle syntax (https://atproto.com/specs/handle), written out a second time so that each check
 * can carry a seeded bug. With no bug it accepts exactly what the reference oracle accepts:
 * - a string of ASCII letters, digits, `-` and `.`, at most 253 characters, no trailing period
 * - at least two labels of 1 to 63 characters, none starting or ending with `-`
 * - the last label (the TLD) starts with a letter
 */

const RESERVED_TLDS = [
  'alt',
  'arpa',
  'example',
  'internal',
  'invalid',
  'local',
  'localhost',
  'onion',
];

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function charOk(c: string, bug: Bug | undefined): boolean {
  if (isLetter(c) || isDigit(c) || c === '-' || c === '.') return true;
  // `\w` in a character class lets the underscore in.
  if (bug === 'handle-underscore') return c === '_';
  // `\p{L}` / `\p{N}` instead of ASCII ranges lets every script in.
  if (bug === 'handle-unicode-letters') return /^[\p{L}\p{N}]$/u.test(c);
  return false;
}

/** What a buggy handle validator does to a string before checking it. */
function adjust(input: string, bug: Bug | undefined): string {
  let s = input;
  if (bug === 'handle-trim') s = s.trim();
  if (bug === 'handle-dollar-newline') s = dollarNewline(s);
  // DNS names are written fully qualified, so a validator "normalizes" the trailing dot away.
  if (bug === 'handle-strip-trailing-dot' && s.endsWith('.')) s = s.slice(0, -1);
  return s;
}

function labelOk(label: string, bug: Bug | undefined): boolean {
  if (
    label.length === 0 ||
    label.length > limit(bug, 63, { 'handle-label-64': 64, 'handle-label-62': 62 })
  )
    return false;
  if (label.startsWith('-') && bug !== 'handle-hyphen-start-ok') return false;
  if (label.endsWith('-') && bug !== 'handle-hyphen-end-ok') return false;
  // RFC 952 hostnames: every label starts with a letter.
  if (bug === 'handle-labels-start-with-letter' && !isLetter(label[0] as string)) return false;
  // IDNA reserves `--` in the third and fourth positions; this bans it everywhere.
  if (bug === 'handle-no-double-hyphen' && label.includes('--')) return false;
  if (bug === 'handle-no-punycode' && /^xn--/i.test(label)) return false;
  return true;
}

function tldOk(tld: string, bug: Bug | undefined): boolean {
  const first = tld[0] as string;
  if (!isLetter(first)) {
    if (bug === 'handle-tld-numeric-only') {
      // Only an all-digit TLD (an IPv4 address) is refused.
      if (/^[0-9]+$/.test(tld)) return false;
    } else if (bug !== 'handle-tld-digit-ok') {
      return false;
    }
  }
  if (bug === 'handle-tld-min-two' && tld.length < 2) return false;
  if (bug === 'handle-tld-letters-only' && !/^[a-zA-Z]+$/.test(tld)) return false;
  if (bug === 'handle-reserved-tld' && RESERVED_TLDS.includes(tld.toLowerCase())) return false;
  return true;
}

/** Whether a handle is accepted; `bug` seeds one mistake (none: the correct answer). */
export function handleOk(input: unknown, bug?: Bug): boolean {
  const s = inputString(input, bug, 'handle-stringify', (v) => adjust(v, bug));
  if (s === undefined) return false;
  if (s.length > limit(bug, 253, { 'handle-max-254': 254, 'handle-max-252': 252 })) return false;
  for (const c of s) if (!charOk(c, bug)) return false;
  if (bug === 'handle-lowercase-only' && /[A-Z]/.test(s)) return false;
  if (bug === 'handle-no-handle-invalid' && s.toLowerCase() === 'handle.invalid') return false;

  let labels = s.split('.');
  // `split('.').filter(Boolean)` silently drops empty labels (and so leading and trailing dots).
  if (bug === 'handle-drop-empty-labels') labels = labels.filter((l) => l.length > 0);
  if (labels.length < 2 && !(bug === 'handle-single-label' && labels.length === 1)) return false;
  if (!labels.every((l) => labelOk(l, bug))) return false;
  return tldOk(labels[labels.length - 1] as string, bug);
}
