import fc from 'fast-check';

/** @internal One arbitrary out of a table, each equally likely. */
export function unionOf<T>(table: Readonly<Record<string, fc.Arbitrary<T>>>): fc.Arbitrary<T> {
  return fc.oneof(...Object.values(table));
}
