/**
 * The four jest functions describeConformance registers tests with. Jest's own (from
 * `@jest/globals` or the injected globals) fit this shape; so do vitest's.
 *
 * Method syntax on purpose: it lets jest's richer signatures be passed in as they are.
 */
export interface JestApi {
  describe(name: string, fn: () => void): void;
  test(name: string, fn: () => Promise<void>, timeout?: number): void;
  beforeAll(fn: () => Promise<void>, timeout?: number): void;
  afterAll(fn: () => Promise<void>, timeout?: number): void;
}

const NAMES = ['describe', 'test', 'beforeAll', 'afterAll'] as const;

/**
 * The jest functions to use: those given, else the globals jest injects into every test file.
 * Looked up at call time, so importing this module outside jest is harmless.
 */
export function resolveJestApi(given?: Partial<JestApi>): JestApi {
  const globals = globalThis as unknown as Partial<JestApi> & { it?: JestApi['test'] };
  const api: Partial<JestApi> = {
    describe: given?.describe ?? globals.describe,
    test: given?.test ?? globals.test ?? globals.it,
    beforeAll: given?.beforeAll ?? globals.beforeAll,
    afterAll: given?.afterAll ?? globals.afterAll,
  };
  const missing = NAMES.filter((n) => typeof api[n] !== 'function');
  if (missing.length > 0) {
    throw new Error(
      `describeConformance needs jest's ${missing.join(', ')}: call it at the top level of a jest test file, ` +
        "or (with injectGlobals: false) pass them: import { describe, test, beforeAll, afterAll } from '@jest/globals'; " +
        'describeConformance(target, { jest: { describe, test, beforeAll, afterAll } })',
    );
  }
  return api as JestApi;
}
