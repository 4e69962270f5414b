import {
  type DID_RULES,
  DISALLOWED_TLDS,
  declaredFields,
  type HANDLE_RULES,
  isPlainObject,
  MUST_ACCEPT_DEPTH,
  nestingDepth,
  type SESSION_RULES,
  type SessionKind,
} from '../spec/index.js';

/*
 * Which must-accept rule a valid explicit example illustrates: one predicate per accept rule,
 * keyed by rule ID (the compiler names a missing one).
 */

type AcceptId<T extends readonly { id: string; polarity: string }[]> = Extract<
  T[number],
  { polarity: 'accept' }
>['id'];

export const HANDLE_CLASSES: Readonly<
  Record<AcceptId<typeof HANDLE_RULES>, (h: string) => boolean>
> = {
  'handle.accept.syntax': () => true,
  'handle.accept.case-insensitive': (h) => /[A-Z]/.test(h),
  'handle.accept.length-limits': (h) =>
    h.length >= 240 || h.split('.').some((l) => l.length === 63 || l.length === 1),
  'handle.accept.one-char-tld': (h) => (h.split('.').pop() ?? '').length === 1,
  'handle.accept.numeric-label': (h) =>
    h
      .split('.')
      .slice(0, -1)
      .some((l) => /^[0-9]/.test(l)),
  'handle.accept.inner-hyphens': (h) => h.split('.').some((l) => l.includes('-')),
  'handle.accept.punycode': (h) => /(^|\.)xn--/i.test(h),
  'handle.accept.disallowed-tld': (h) => DISALLOWED_TLDS.some((t) => h.toLowerCase().endsWith(t)),
  'handle.accept.handle-invalid': (h) => h.toLowerCase() === 'handle.invalid',
};

export const DID_CLASSES: Readonly<Record<AcceptId<typeof DID_RULES>, (d: string) => boolean>> = {
  'did.accept.syntax': () => true,
  'did.accept.any-method': (d) => !/^did:(plc|web):/.test(d),
  'did.accept.colons': (d) => d.split(':').length > 3,
  'did.accept.percent-encoding': (d) => /%[0-9a-fA-F]{2}/.test(d),
  'did.accept.case-sensitive-identifier': (d) => /[A-Z]/.test(d.split(':').slice(2).join(':')),
  'did.accept.length-limit': (d) => d.length >= 2000,
  'did.accept.plc-any-length': (d) => /^did:plc:/.test(d) && !/^did:plc:[a-z2-7]{24}$/.test(d),
  'did.accept.web-localhost-port': (d) => /^did:web:localhost%3A/i.test(d),
};

export const SESSION_CLASSES: Readonly<
  Record<AcceptId<typeof SESSION_RULES>, (c: { kind: SessionKind; value: unknown }) => boolean>
> = {
  'session.accept.valid': () => true,
  'session.accept.open-status': ({ value }) =>
    typeof (value as { status?: unknown }).status === 'string',
  'session.accept.email-any-string': ({ value }) =>
    typeof (value as { email?: unknown }).email === 'string',
  'session.accept.opaque-tokens': ({ kind, value }) =>
    kind === 'session' && !String((value as { accessJwt?: unknown }).accessJwt).startsWith('eyJ'),
  'session.accept.did-doc-any-object': ({ value }) =>
    (value as { didDoc?: unknown }).didDoc !== undefined,
  'session.accept.unknown-fields': ({ kind, value }) =>
    Object.keys(value as object).some(
      (k) => !(declaredFields(kind) as readonly string[]).includes(k),
    ),
  'session.accept.get-session-no-tokens': ({ kind, value }) =>
    kind === 'getSession' && (value as { accessJwt?: unknown }).accessJwt === undefined,
  'session.accept.did-doc-int64': ({ value }) =>
    docSome(value, (v) => typeof v === 'number' && Math.abs(v) >= 2 ** 31),
  'session.accept.did-doc-nesting': ({ value }) =>
    isPlainObject(didDocOf(value)) &&
    nestingDepth(value) > 8 &&
    nestingDepth(value) <= MUST_ACCEPT_DEPTH,
  'session.accept.did-doc-compound': ({ value }) =>
    docSome(value, (_, k) => k === '$link' || k === '$bytes' || k === '$type'),
  'session.accept.unicode-strings': ({ value }) =>
    isPlainObject(value) &&
    ['accessJwt', 'refreshJwt', 'email', 'status'].some((f) => ASTRAL.test(String(value[f]))),
  'session.accept.did-doc-dollar-fields': ({ value }) =>
    docSome(value, (_, k) => k.startsWith('$') && !['$link', '$bytes', '$type'].includes(k)),
};

const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;

function didDocOf(value: unknown): unknown {
  return isPlainObject(value) ? value.didDoc : undefined;
}

/** True when some member anywhere in the session's didDoc passes the test (walked iteratively). */
export function docSome(value: unknown, test: (v: unknown, key: string) => boolean): boolean {
  const stack: unknown[] = [didDocOf(value)];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const [k, v] of Object.entries(node)) {
      if (test(v, k)) return true;
      stack.push(v);
    }
  }
  return false;
}
