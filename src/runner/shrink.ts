import fc from 'fast-check';
import type { Verdict } from '../contract/validator.js';
import { keeps, type LabelledCase, type ShrinkGoal } from './case.js';
import type { RunOptions } from './options.js';
import { compactPath } from './replay-path.js';
import type { TargetValidate } from './validate.js';

export interface Shrunk {
  readonly c: LabelledCase;
  readonly verdict: Verdict;
  /** The compact replay path of the shrunk case. */
  readonly path: string;
}

/*
 * Shrinking walks fast-check's shrink tree as fc.check does: from a failing value, the first of
 * its shrinks (in stream order) that still fails becomes the next value, and the replay path
 * records that shrink's index at each step. Each round trip to a target thread or a harness costs
 * far more than a verdict, so the walk sends values ahead of need, in one batch:
 * - most steps keep the first shrink (paths read `0*200`), so a batch also holds the chain of
 *   first shrinks below it, as deep as the last chain went (doubling while every link fails);
 * - a shrink that passes is followed by a larger batch of its next siblings (doubling while
 *   none fails).
 * The walk reads the verdicts in the order a one-at-a-time walk asks for them, so it ends at the
 * same case and path; what it sent ahead and did not need is tried for nothing. Generators are
 * pure, so a value made again is the same value, and its verdict comes from the cache. An error
 * is shrunk one value at a time, and so is a failure once a value tried has errored: a value
 * may cost a timeout and a restart, and only values the one-at-a-time walk tries should.
 */
const MAX_SIBLINGS = 16;
const MAX_CHAIN = 8;
const DEFAULT_SHRINK_TIME_MS = 20_000;

/** An arbitrary that keeps the first value it generates, with its shrink context. */
class FirstValue<T> extends fc.Arbitrary<T> {
  value: fc.Value<T> | undefined;

  constructor(private readonly inner: fc.Arbitrary<T>) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const value = this.inner.generate(mrng, biasFactor);
    this.value ??= value;
    return value;
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.inner.shrink(value, context);
  }
}

/** Generated run `index`, as fc.check makes it with this seed (the value a path starts at). */
function generatedRun<T>(arbitrary: fc.Arbitrary<T>, seed: number, index: number): fc.Value<T> {
  const first = new FirstValue(arbitrary);
  fc.check(
    fc.property(first, () => true),
    { seed, path: String(index), numRuns: 1 },
  );
  if (first.value === undefined) throw new Error(`run ${index} of seed ${seed} was not generated`);
  return first.value;
}

function take<T>(stream: Iterator<T>, n: number): T[] {
  const out: T[] = [];
  for (let next = stream.next(); !next.done; next = stream.next()) {
    out.push(next.value);
    if (out.length === n) break;
  }
  return out;
}

/** The first shrink of `value`, its first shrink, and so on, `n` deep at most. */
function firstShrinks<T>(arbitrary: fc.Arbitrary<T>, value: fc.Value<T>, n: number): fc.Value<T>[] {
  const out: fc.Value<T>[] = [];
  for (let v: fc.Value<T> | undefined = value; out.length < n; ) {
    v = take(arbitrary.shrink(v.value_, v.context), 1)[0];
    if (v === undefined) break;
    out.push(v);
  }
  return out;
}

/**
 * Replays generated run `index` and shrinks it to the smallest case with the same outcome (a
 * failure stays a failure, an error an error), within `shrinkTimeMs`.
 */
export async function shrink(
  arbitrary: fc.Arbitrary<LabelledCase>,
  index: number,
  outcome: ShrinkGoal,
  options: Pick<RunOptions, 'seed' | 'shrinkTimeMs'>,
  validate: TargetValidate,
): Promise<Shrunk | undefined> {
  const deadline = Date.now() + (options.shrinkTimeMs ?? DEFAULT_SHRINK_TIME_MS);
  let ahead = outcome === 'fail';
  /** Each value's verdict when it keeps the outcome, else undefined (kinds not asked too). */
  const kept = async (
    values: readonly fc.Value<LabelledCase>[],
  ): Promise<(Verdict | undefined)[]> => {
    const asked = values.map((v) => v.value_).filter(validate.supports);
    const position = new Map<LabelledCase, number>(asked.map((c, i) => [c, i]));
    const answers = await validate.many(asked);
    if (answers.some((a) => a.outcome === 'errored')) ahead = false;
    return values.map((v) => {
      const i = position.get(v.value_);
      const verdict = i === undefined ? undefined : answers[i];
      return verdict !== undefined && keeps(v.value_, verdict, outcome) ? verdict : undefined;
    });
  };
  let current = generatedRun(arbitrary, options.seed, index);
  let [verdict] = await kept([current]);
  if (verdict === undefined) return undefined;
  const path = [index];
  let chain = 1;
  walk: while (Date.now() < deadline) {
    const shrinks = arbitrary.shrink(current.value_, current.context);
    let tried = 0;
    for (let size = 1; Date.now() < deadline; size = ahead ? Math.min(2 * size, MAX_SIBLINGS) : 1) {
      const siblings = take(shrinks, size);
      if (siblings.length === 0) break walk;
      const depth = ahead ? chain - 1 : 0;
      const below = firstShrinks(arbitrary, siblings[0] as fc.Value<LabelledCase>, depth);
      const verdicts = await kept([...siblings, ...below]);
      const at = siblings.findIndex((_, i) => verdicts[i] !== undefined);
      if (at === -1) {
        tried += siblings.length;
        continue;
      }
      path.push(tried + at);
      current = siblings[at] as fc.Value<LabelledCase>;
      verdict = verdicts[at] as Verdict;
      if (at > 0) continue walk;
      // Down the chain of first shrinks, as far as each one keeps the outcome.
      let down = 0;
      for (const [j, v] of below.entries()) {
        const answer = verdicts[siblings.length + j];
        if (answer === undefined) break;
        path.push(0);
        current = v;
        verdict = answer;
        down++;
      }
      chain = down === below.length ? Math.min(2 * chain, MAX_CHAIN) : down + 1;
      continue walk;
    }
  }
  return { c: current.value_, verdict, path: compactPath(path.join(':')) };
}
