import {
  declaredFields,
  didViolations,
  handleViolations,
  isPlainObject,
  type Kind,
  MUST_ACCEPT_DEPTH,
  nestingDepth,
  type RuleId,
  SESSION_RULES,
  type SessionKind,
  sessionViolations,
} from '../spec/index.js';
import { readResource } from '../util/paths.js';
import { DID_CLASSES, HANDLE_CLASSES, SESSION_CLASSES } from './classes.js';
import { DID_EDGES, type Example, HANDLE_EDGES, PLC, SESSION_EDGES } from './edges.js';
import { pinnedExamples } from './pinned.js';
import { REAL_WORLD_COUNTEREXAMPLES } from './real-world.js';
import { TECHNIQUE_EXAMPLES } from './techniques.js';

/**
 * An explicit example, labelled as the runner's cases are (the kind, whether it must be accepted,
 * the rules it breaks), with what accepting (or refusing) it likely means.
 */
export interface ExampleCase {
  readonly kind: Kind;
  readonly value: unknown;
  readonly valid: boolean;
  readonly violates: readonly RuleId[];
  readonly cause?: string;
}

/*
 * Explicit examples, run before the generated cases of each rule: the interop vectors (syntax and
 * data model), hand-picked edge cases, the decoding-technique examples and the real-world
 * counterexamples. Labels come from the oracle, which the vectors themselves certify
 * (suites/unit/spec/); the expected verdict of a vector comes from its file. A valid value nested
 * deeper than MUST_ACCEPT_DEPTH illustrates no accept rule: refusing it is allowed.
 */

function readVectors(name: string): string[] {
  return readResource('vendor', 'interop', name)
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#') && line.length > 0);
}

/** The interop data-model vectors, as a getSession's didDoc and nested inside one. */
function dataModelExamples(): Example[] {
  const files = ['data-model-valid.json', 'data-model-invalid.json', 'data-model-fixtures.json'];
  return files.flatMap((name) =>
    (JSON.parse(readResource('vendor', 'interop', 'data-model', name)) as { json: unknown }[])
      .flatMap(({ json }) => [json, { id: PLC, nested: [json] }])
      .map((didDoc) => ({ kind: 'getSession' as const, value: { ...GET, didDoc } })),
  );
}

const GET = { handle: 'alice.test', did: PLC };

function hasUnknownFields(kind: SessionKind, value: unknown): boolean {
  const declared: readonly string[] = declaredFields(kind);
  return isPlainObject(value) && Object.keys(value).some((k) => !declared.includes(k));
}

function build(): Map<string, ExampleCase[]> {
  const byRule = new Map<string, ExampleCase[]>();
  const add = (rule: string, c: ExampleCase): void => {
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
      const c: ExampleCase = { kind, value, valid: violates.length === 0, violates };
      if (c.valid) {
        for (const [rule, test] of Object.entries(classes)) if (test(value as string)) add(rule, c);
      } else {
        for (const rule of violates) add(rule, c);
      }
    }
  };
  const realWorld = (kind: 'handle' | 'did'): unknown[] =>
    REAL_WORLD_COUNTEREXAMPLES.filter((r) => r.kind === kind).map((r) => r.value);
  const handles = [
    ...readVectors('handle_syntax_valid.txt'),
    ...readVectors('handle_syntax_invalid.txt'),
    ...HANDLE_EDGES,
    ...realWorld('handle'),
  ];
  const dids = [
    ...readVectors('did_syntax_valid.txt'),
    ...readVectors('did_syntax_invalid.txt'),
    ...DID_EDGES,
    ...realWorld('did'),
  ];
  addSyntax('handle', unique(handles), handleViolations, HANDLE_CLASSES);
  addSyntax('did', unique(dids), didViolations, DID_CLASSES);
  const sessions: Example[] = [
    ...SESSION_EDGES,
    ...TECHNIQUE_EXAMPLES,
    ...dataModelExamples(),
    ...REAL_WORLD_COUNTEREXAMPLES.flatMap((r) =>
      r.kind === 'session' || r.kind === 'getSession'
        ? [{ kind: r.kind, value: r.value, cause: r.cause }]
        : [],
    ),
  ];
  for (const { kind, value, cause } of sessions) {
    const violates = sessionViolations(kind, value);
    const c: ExampleCase = { kind, value, valid: violates.length === 0, violates };
    const withCause = cause === undefined ? c : { ...c, cause };
    if (!c.valid) for (const rule of violates) add(rule, withCause);
    else if (nestingDepth(value) <= MUST_ACCEPT_DEPTH) {
      // Ignoring unknown fields is a SHOULD: a value that has some illustrates only that rule.
      const unknown = hasUnknownFields(kind, value);
      for (const [rule, test] of Object.entries(SESSION_CLASSES)) {
        if (unknown && rule !== 'session.accept.unknown-fields') continue;
        if (test({ kind, value })) add(rule, withCause);
      }
    }
  }
  // A session reject rule with no hand-written example gets pinned generated ones.
  for (const rule of SESSION_RULES) {
    if (rule.polarity !== 'reject' || byRule.has(rule.id)) continue;
    for (const { kind, value } of pinnedExamples(rule.id)) {
      const violates = sessionViolations(kind, value);
      for (const r of violates) add(r, { kind, value, valid: false, violates });
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

let cache: Map<string, ExampleCase[]> | undefined;

/** The explicit examples for one rule (may be empty). */
export function examplesFor(ruleId: string): readonly ExampleCase[] {
  cache ??= build();
  return cache.get(ruleId) ?? [];
}
