import fc from 'fast-check';

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

/** @internal Each value carries a likely cause: its own, else `cause`. */
export function withCause<L extends { readonly cause?: string }>(
  arb: fc.Arbitrary<L>,
  cause: string,
): fc.Arbitrary<L> {
  return arb.map((l) => (l.cause === undefined ? { ...l, cause } : l));
}
