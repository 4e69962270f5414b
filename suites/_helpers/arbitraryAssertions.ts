import fc from 'fast-check';

/*
 * Property checks for generators, after fast-check's own ArbitraryAssertions: every generated
 * value AND every value along random shrink paths must pass the check, the same seed must give
 * the same values, and every value must be plain JSON.
 */

export interface AssertOptions {
  readonly seed?: number;
  readonly numRuns?: number;
  /** Shrink steps walked from each generated value (the path ends earlier when shrinks run out). */
  readonly maxShrinkSteps?: number;
}

/** Hands out the generated `Value` (with its shrink context) instead of the bare value. */
class Captured<T> extends fc.Arbitrary<fc.Value<T>> {
  constructor(private readonly inner: fc.Arbitrary<T>) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<fc.Value<T>> {
    return new fc.Value(this.inner.generate(mrng, biasFactor), undefined);
  }

  canShrinkWithoutContext(_value: unknown): _value is fc.Value<T> {
    return false;
  }

  shrink(): fc.Stream<fc.Value<fc.Value<T>>> {
    return fc.Stream.nil();
  }
}

/** A small seeded generator for the shrink path (xorshift32). */
function pathChooser(seed: number): () => number {
  let state = seed | 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % 8;
  };
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/**
 * Generates `numRuns` values from a seed and, from each, walks one random shrink path; `check`
 * must pass on every value met. Returns how many values were checked.
 */
export function assertProduceCorrectValues<T>(
  arb: fc.Arbitrary<T>,
  check: (value: T) => void,
  options: AssertOptions = {},
): number {
  const { seed = 42, numRuns = 100, maxShrinkSteps = 20 } = options;
  const next = pathChooser(seed);
  let checked = 0;
  for (const generated of fc.sample(new Captured(arb), { seed, numRuns })) {
    let current: fc.Value<T> | null = generated;
    for (let step = 0; current !== null && step <= maxShrinkSteps; step++) {
      const value: T = current.value;
      try {
        check(value);
      } catch (error) {
        const where = step === 0 ? 'generated' : `after ${step} shrink(s)`;
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${message}\n(${where}, seed ${seed}) value: ${describeValue(value)}`);
      }
      checked++;
      current = arb.shrink(value, current.context).getNthOrLast(next());
    }
  }
  return checked;
}

/**
 * Values do not change behind the shrinker's back: making a value's shrinks (as a shrinker that
 * tries several at once does) leaves the value and the shrinks already made as they were. A
 * mapper that writes into a value it shares with its siblings breaks this, and then a replay
 * path names another value than the one reported. Returns how many values were checked.
 */
export function assertPure<T>(
  arb: fc.Arbitrary<T>,
  options: AssertOptions & { readonly maxShrinks?: number } = {},
): number {
  const { seed = 42, numRuns = 5, maxShrinkSteps = 2, maxShrinks = 3000 } = options;
  const next = pathChooser(seed);
  let checked = 0;
  for (const generated of fc.sample(new Captured(arb), { seed, numRuns })) {
    let current: fc.Value<T> | undefined = generated;
    for (let step = 0; current !== undefined && step <= maxShrinkSteps; step++) {
      const before = describeValue(current.value_);
      const stream = arb.shrink(current.value_, current.context);
      const shrinks = [...stream.take(1)];
      const first = shrinks[0] === undefined ? undefined : describeValue(shrinks[0].value_);
      // Values are made as the stream is read: the later shrinks are made after the first.
      for (const s of stream.take(maxShrinks - 1)) shrinks.push(s);
      const where = `(step ${step}, seed ${seed})`;
      expect(`${where} ${describeValue(current.value_)}`).toBe(`${where} ${before}`);
      if (shrinks[0] !== undefined)
        expect(`${where} ${describeValue(shrinks[0].value_)}`).toBe(`${where} ${first}`);
      checked++;
      current = shrinks[next() % Math.max(1, shrinks.length)];
    }
  }
  return checked;
}

/** The same seed gives the same values. */
export function assertDeterministic<T>(arb: fc.Arbitrary<T>, seed = 42, numRuns = 20): void {
  const first = fc.sample(arb, { seed, numRuns });
  const second = fc.sample(arb, { seed, numRuns });
  // Compared as JSON text: own keys such as `constructor` defeat jest's type-aware equality.
  expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  // And another seed gives something else (the arbitrary is not a constant).
  const other = fc.sample(arb, { seed: seed + 1, numRuns });
  expect(JSON.stringify(other)).not.toBe(JSON.stringify(first));
}

/** Why a value is not plain JSON data, or undefined when it is. */
export function notPlainJson(value: unknown, path = '$'): string | undefined {
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `${path}: ${value} is not finite`;
    if (Object.is(value, -0)) return `${path}: -0`;
    return undefined;
  }
  // Lone surrogates are JSON too: JSON.stringify writes them as `\\ud800` escapes.
  if (typeof value === 'string') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return `${path}[${i}]: hole`;
      const why = notPlainJson(value[i], `${path}[${i}]`);
      if (why !== undefined) return why;
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, v] of Object.entries(value)) {
      const why = notPlainJson(v, `${path}.${key}`);
      if (why !== undefined) return why;
    }
    return Object.getOwnPropertySymbols(value).length > 0 ? `${path}: symbol keys` : undefined;
  }
  return `${path}: ${typeof value} is not JSON`;
}

/**
 * Throws unless both values have the same JSON text. Cheaper than `expect` in loops that check
 * thousands of values (the helpers above add the value and the seed to the message).
 */
export function assertSameJson(actual: unknown, expected: unknown, what = 'value'): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** Throws with `what` unless `condition` holds. */
export function assertThat(condition: boolean, what: string): void {
  if (!condition) throw new Error(`expected ${what}`);
}

/** Throws unless the value is plain JSON data. */
export function assertPlainJson(value: unknown): void {
  const why = notPlainJson(value);
  if (why !== undefined) throw new Error(`not plain JSON: ${why}`);
}

/** Plain JSON data that survives a JSON round trip unchanged. */
export function expectPlainJson(value: unknown): void {
  expect(notPlainJson(value)).toBeUndefined();
  // Compared as JSON text: keys such as `constructor` defeat jest's type-aware equality.
  const text = JSON.stringify(value);
  expect(JSON.stringify(JSON.parse(text))).toBe(text);
}

/** How many of `values` pass `predicate`. */
export function countWhere<T>(values: readonly T[], predicate: (value: T) => boolean): number {
  return values.filter(predicate).length;
}

/**
 * A union of invalid values: each labelled with exactly the rules the oracle says it breaks, and
 * the labels together covering every rule of the union.
 */
export function assertLabelledUnion(
  arb: fc.Arbitrary<{ readonly value: unknown; readonly violates: readonly string[] }>,
  oracle: (value: unknown) => readonly string[],
  rules: readonly string[],
): void {
  const seen = new Set<string>();
  assertProduceCorrectValues(
    arb,
    (v) => {
      assertSameJson(oracle(v.value), v.violates, oracle.name);
      for (const r of v.violates) seen.add(r);
    },
    { numRuns: 200, maxShrinkSteps: 2 },
  );
  expect([...seen].sort()).toEqual([...rules].sort());
}

/**
 * The tests that each trait of a generator stays valid and in its class, along shrink paths too;
 * `also` checks what every value must be besides.
 */
export function itKeepsTraitsInClass<T extends string>(
  traits: readonly T[],
  generate: (constraints: { trait: T }) => fc.Arbitrary<string>,
  oracle: (value: unknown) => readonly string[],
  inClass: Readonly<Record<T, (value: string) => boolean>>,
  also: (value: string) => void = () => {},
): void {
  it.each(traits)('should keep trait %s in its class, also when shrunk', (trait) => {
    assertProduceCorrectValues(
      generate({ trait }),
      (v) => {
        assertSameJson(oracle(v), []);
        assertThat(inClass[trait](v), `a value of class ${trait}`);
        also(v);
      },
      { numRuns: 25, maxShrinkSteps: 10 },
    );
  });
}
