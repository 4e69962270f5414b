import fc from 'fast-check';
import type { LabelledCase } from '../case.js';

/** Generated cases per chunk. */
export const CHUNK_SIZE = 256;

/** Lets generation run a chunk ahead when the consumer has asked for it. */
export class Credit {
  private credit = 0;
  private wake: (() => void) | undefined;
  cancelled = false;

  grant(n = 1): void {
    this.credit += n;
    this.wake?.();
  }

  cancel(): void {
    this.cancelled = true;
    this.wake?.();
  }

  /** Resolves when a chunk may be emitted (false: generation was cancelled). */
  async take(): Promise<boolean> {
    while (this.credit === 0 && !this.cancelled) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
    if (this.cancelled) return false;
    this.credit--;
    return true;
  }
}

/**
 * Generates run after run of `arbitrary` as fc.check does with this seed (run i is the value
 * fc.sample gives at index i, and the one a replay path `i` and shrinking start from), handing
 * them on chunk by chunk, each when `credit` allows: at most the chunks asked for are ever held.
 */
export async function produce(
  arbitrary: fc.Arbitrary<LabelledCase>,
  seed: number,
  runs: number,
  credit: Credit,
  emit: (cases: LabelledCase[], start: number) => void,
  size = CHUNK_SIZE,
): Promise<void> {
  let chunk: LabelledCase[] = [];
  let start = 0;
  const flush = async (): Promise<boolean> => {
    if (!(await credit.take())) return false;
    const cases = chunk;
    chunk = [];
    emit(cases, start);
    start += cases.length;
    return true;
  };
  let failure: unknown;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (c) => {
      if (credit.cancelled) return false;
      chunk.push(c);
      if (chunk.length < size) return true;
      try {
        return await flush();
      } catch (err) {
        failure = err;
        return false;
      }
    }),
    // A cancelled run ends at its first "failure", without shrinking.
    { seed, numRuns: runs, endOnFailure: true },
  );
  if (failure !== undefined) throw failure;
  if (details.failed && !credit.cancelled) {
    throw details.errorInstance ?? new Error(`generation stopped at run ${details.numRuns}`);
  }
  if (chunk.length > 0 && !credit.cancelled) await flush();
}
