import type { JestApi } from '../../../src/jest/globals.js';

/** What describeConformance registered, so a test can run the registered tests itself. */
export interface Recorded {
  readonly describes: string[];
  readonly tests: { title: string; fn: () => Promise<void>; timeout?: number }[];
  readonly beforeAll: (() => Promise<void>)[];
  readonly afterAll: (() => Promise<void>)[];
}

/** A stand-in for jest's functions that records instead of registering. */
export function recorder(): { api: JestApi; recorded: Recorded } {
  const recorded: Recorded = { describes: [], tests: [], beforeAll: [], afterAll: [] };
  const api: JestApi = {
    describe(name, fn) {
      recorded.describes.push(name);
      fn();
    },
    test(title, fn, timeout) {
      recorded.tests.push(timeout === undefined ? { title, fn } : { title, fn, timeout });
    },
    beforeAll(fn) {
      recorded.beforeAll.push(fn);
    },
    afterAll(fn) {
      recorded.afterAll.push(fn);
    },
  };
  return { api, recorded };
}

/** The outcome of one recorded test: undefined when it passed, else its error message. */
export type Outcomes = Record<string, string | undefined>;

/** Runs the hooks and every test the way jest would, keyed by the rule ID that starts each title. */
export async function runRecorded(recorded: Recorded): Promise<Outcomes> {
  const outcomes: Outcomes = {};
  for (const fn of recorded.beforeAll) await fn();
  try {
    for (const t of recorded.tests) {
      const id = t.title.split(' ')[0] as string;
      try {
        await t.fn();
        outcomes[id] = undefined;
      } catch (err) {
        outcomes[id] = (err as Error).message;
      }
    }
  } finally {
    for (const fn of recorded.afterAll) await fn();
  }
  return outcomes;
}
