import { type JestApi, resolveJestApi } from '../../../src/jest/globals.js';
import { recorder } from './_recorder.js';

describe('resolveJestApi', () => {
  it('uses the functions given before the globals', () => {
    const { api } = recorder();
    const resolved = resolveJestApi({ describe: api.describe, test: api.test });
    expect(resolved.describe).toBe(api.describe);
    expect(resolved.test).toBe(api.test);
    expect(resolved.beforeAll).toBe(beforeAll);
    expect(resolved.afterAll).toBe(afterAll);
  });

  it('says how to pass them when jest has not injected its globals', () => {
    const g = globalThis as unknown as Record<string, unknown>;
    const names = ['describe', 'test', 'it', 'beforeAll', 'afterAll'];
    const saved = names.map((n) => g[n]);
    for (const n of names) g[n] = undefined;
    let error: unknown;
    try {
      resolveJestApi({ test: (() => {}) as JestApi['test'] });
    } catch (err) {
      error = err;
    } finally {
      names.forEach((n, i) => {
        g[n] = saved[i];
      });
    }
    expect((error as Error).message).toMatch(
      /^describeConformance needs jest's describe, beforeAll, afterAll: .*from '@jest\/globals'/,
    );
  });
});
