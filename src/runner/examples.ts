import {
  DISALLOWED_TLDS,
  declaredFields,
  didViolations,
  handleViolations,
  type RuleId,
  type SessionKind,
  sessionViolations,
} from '../spec/index.js';
import { readResource } from '../util/paths.js';
import type { LabelledCase } from './case.js';

/*
 * Explicit examples, run before the generated cases of each rule: the interop vectors and a few
 * hand-picked edge cases. Labels come from the oracle, which the vectors themselves certify
 * (suites/unit/spec/interop.test.ts); the expected verdict of a vector comes from its file.
 */

function readVectors(name: string): string[] {
  return readResource('vendor', 'interop', name)
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#') && line.length > 0);
}

const PLC = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const BASE = {
  accessJwt: 'access-token',
  refreshJwt: 'refresh-token',
  handle: 'alice.test',
  did: PLC,
};

const HANDLE_EDGES: readonly unknown[] = [
  'handle.invalid',
  'example.t',
  'XX.LCS.MIT.EDU',
  `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`,
  `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`,
  'alice.test\n',
  'alice.test\u0000',
  'al\u200Dice.test',
  '\u212Aelvin.test',
  'alice.test\t',
  1,
  true,
  null,
  ['alice.test'],
  { handle: 'alice.test' },
];

const DID_EDGES: readonly unknown[] = [
  `did:method:${'v'.repeat(2048 - 11)}`,
  `did:method:${'v'.repeat(2049 - 11)}`,
  'did:plc:abc',
  `did:plc:${'a'.repeat(30)}`,
  'did:plc:EWVI7NXZYOUN6ZHXRHS64OIZ',
  'did:web:localhost%3A2583',
  'did:web:example.com%3A8080',
  `${PLC}\n`,
  'did:method:val%zz%',
  0,
  false,
  null,
  [PLC],
  {},
];

const SESSION_EDGES: readonly { kind: SessionKind; value: unknown }[] = [
  {
    kind: 'session',
    value: { ...BASE, email: 'alice@example.com', emailConfirmed: false, active: true },
  },
  {
    kind: 'getSession',
    value: {
      handle: 'alice.test',
      did: PLC,
      email: 'alice@test.com',
      emailConfirmed: false,
      active: true,
    },
  },
  ...['deleted', 'desynchronized', 'throttled', 'active', '', 'takendown'].map((status) => ({
    kind: 'session' as const,
    value: { ...BASE, active: false, status },
  })),
  ...['josé@example.com', 'user@localhost', 'not an email', ''].map((email) => ({
    kind: 'session' as const,
    value: { ...BASE, email },
  })),
  { kind: 'session', value: { ...BASE, accessJwt: '', refreshJwt: 'opaque' } },
  { kind: 'session', value: { ...BASE, didDoc: {} } },
  { kind: 'session', value: { ...BASE, didDoc: { id: PLC, n: 7, nested: [{ k: [1, 2] }] } } },
  { kind: 'session', value: { ...BASE, extra: null, nested: { x: 1.5 } } },
  { kind: 'getSession', value: { handle: 'alice.test', did: PLC, accessJwt: 5, refreshJwt: null } },
  { kind: 'session', value: { ...BASE, didDoc: [PLC] } },
  { kind: 'session', value: { ...BASE, didDoc: { id: PLC, service: [{ weight: 0.5 }] } } },
  { kind: 'session', value: { ...BASE, didDoc: { id: PLC, size: 1e30 } } },
  { kind: 'session', value: { ...BASE, status: null } },
  { kind: 'session', value: { ...BASE, email: null } },
  { kind: 'session', value: { ...BASE, didDoc: null } },
  { kind: 'session', value: { ...BASE, status: 5 } },
  { kind: 'session', value: { ...BASE, active: 'true' } },
  { kind: 'session', value: { ...BASE, handle: 'john' } },
  { kind: 'session', value: { ...BASE, handle: 'john.0' } },
  { kind: 'session', value: { ...BASE, did: 'did:METHOD:val' } },
  { kind: 'getSession', value: { did: PLC } },
  { kind: 'session', value: { handle: 'alice.test', did: PLC } },
  { kind: 'session', value: [] },
  { kind: 'getSession', value: 'alice.test' },
  { kind: 'session', value: null },
];

/** Which must-accept rule a valid handle or DID illustrates. */
const HANDLE_CLASSES: Readonly<Record<string, (h: string) => boolean>> = {
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

const DID_CLASSES: Readonly<Record<string, (d: string) => boolean>> = {
  'did.accept.syntax': () => true,
  'did.accept.any-method': (d) => !/^did:(plc|web):/.test(d),
  'did.accept.colons': (d) => d.split(':').length > 3,
  'did.accept.percent-encoding': (d) => /%[0-9a-fA-F]{2}/.test(d),
  'did.accept.case-sensitive-identifier': (d) => /[A-Z]/.test(d.split(':').slice(2).join(':')),
  'did.accept.length-limit': (d) => d.length >= 2000,
  'did.accept.plc-any-length': (d) => /^did:plc:/.test(d) && !/^did:plc:[a-z2-7]{24}$/.test(d),
  'did.accept.web-localhost-port': (d) => /^did:web:localhost%3A/i.test(d),
};

const SESSION_CLASSES: Readonly<
  Record<string, (c: { kind: SessionKind; value: unknown }) => boolean>
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
    Object.keys(value as object).some((k) => !declaredFields(kind).includes(k)),
  'session.accept.get-session-no-tokens': ({ kind, value }) =>
    kind === 'getSession' && (value as { accessJwt?: unknown }).accessJwt === undefined,
};

function build(): Map<string, LabelledCase[]> {
  const byRule = new Map<string, LabelledCase[]>();
  const add = (rule: string, c: LabelledCase): void => {
    const list = byRule.get(rule) ?? [];
    list.push(c);
    byRule.set(rule, list);
  };
  const addSyntax = (
    kind: 'handle' | 'did',
    values: readonly unknown[],
    violations: (v: unknown) => RuleId[],
    classes: Readonly<Record<string, (s: string) => boolean>>,
  ): void => {
    for (const value of values) {
      const violates = violations(value);
      const c: LabelledCase = { kind, value, valid: violates.length === 0, violates };
      if (c.valid) {
        for (const [rule, test] of Object.entries(classes)) if (test(value as string)) add(rule, c);
      } else {
        for (const rule of violates) add(rule, c);
      }
    }
  };
  const handles = [
    ...readVectors('handle_syntax_valid.txt'),
    ...readVectors('handle_syntax_invalid.txt'),
    ...HANDLE_EDGES,
  ];
  const dids = [
    ...readVectors('did_syntax_valid.txt'),
    ...readVectors('did_syntax_invalid.txt'),
    ...DID_EDGES,
  ];
  addSyntax('handle', unique(handles), handleViolations, HANDLE_CLASSES);
  addSyntax('did', unique(dids), didViolations, DID_CLASSES);
  for (const { kind, value } of SESSION_EDGES) {
    const violates = sessionViolations(kind, value);
    const c: LabelledCase = { kind, value, valid: violates.length === 0, violates };
    if (c.valid) {
      for (const [rule, test] of Object.entries(SESSION_CLASSES))
        if (test({ kind, value })) add(rule, c);
    } else {
      for (const rule of violates) add(rule, c);
    }
  }
  return byRule;
}

function unique(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = JSON.stringify(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

let cache: Map<string, LabelledCase[]> | undefined;

/** The explicit examples for one rule (may be empty). */
export function examplesFor(ruleId: string): readonly LabelledCase[] {
  cache ??= build();
  return cache.get(ruleId) ?? [];
}
