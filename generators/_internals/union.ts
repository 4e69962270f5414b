import fc from 'fast-check';
import { RULES, type RuleId } from '../../src/spec/rules/index.js';

/** @internal One arbitrary out of a table, each equally likely. */
export function unionOf<T>(table: Readonly<Record<string, fc.Arbitrary<T>>>): fc.Arbitrary<T> {
  return fc.oneof(...Object.values(table));
}

/**
 * @internal A weighted choice that can shrink towards the FIRST branch. Plain `fc.oneof` only
 * shrinks inside the branch it picked, so a session holding a long JWT would never shrink to one
 * with a short opaque token: put the simplest branch first.
 */
export function shrinkingChoice<T>(
  ...branches: readonly { arbitrary: fc.Arbitrary<T>; weight: number }[]
): fc.Arbitrary<T> {
  return fc.oneof({ withCrossShrink: true }, ...branches);
}

const CAUSES: ReadonlyMap<string, string | undefined> = new Map(
  RULES.map((r) => [r.id, r.likelyCause]),
);

/** @internal Each value carries a likely cause: its own, else the rule's (from the catalogue). */
export function withCause<L extends { readonly cause?: string }>(
  arb: fc.Arbitrary<L>,
  rule: RuleId,
): fc.Arbitrary<L> {
  const cause = CAUSES.get(rule);
  if (cause === undefined) return arb;
  return arb.map((l) => (l.cause === undefined ? { ...l, cause } : l));
}

/** @internal The rules of a case table, in its (catalogue) order. */
export function tableRules<R extends string>(table: Readonly<Record<R, unknown>>): readonly R[] {
  return Object.keys(table) as R[];
}

/**
 * @internal The cases of one rule of a table, or of every rule (each rule equally likely), each
 * value with its likely cause.
 */
export function casesOf<R extends RuleId, L extends { readonly cause?: string }>(
  table: Readonly<Record<R, fc.Arbitrary<L>>>,
  rule?: R,
): fc.Arbitrary<L> {
  const one = (r: R) => withCause(table[r], r);
  return rule === undefined ? fc.oneof(...tableRules(table).map(one)) : one(rule);
}
