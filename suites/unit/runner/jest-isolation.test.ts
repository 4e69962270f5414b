import { runConformance } from '../../../src/api/certify.js';
import { describeConformance } from '../../../src/jest/index.js';
import { resourcePath } from '../../../src/util/paths.js';

/*
 * The library API and the jest integration get the same isolation as the CLI: a module that
 * blocks its thread forever is `error` on every rule, and the run (here, jest's own test run
 * in ESM mode) goes on. Without the worker threads this file would never finish.
 */

const BLOCKER = `module:${resourcePath('suites', 'fixtures', 'faux', 'modules', 'block.mjs')}`;
const RULES = ['handle.length.max', 'did.method.lowercase'];

describeConformance(BLOCKER, {
  name: 'a module that blocks its thread (jest integration)',
  rules: RULES,
  // Every rule must error: a known error passes only while it still errors.
  knownFailures: RULES.map((rule) => ({ rule, status: 'error' as const })),
  runs: 5,
  seed: 1,
  timeoutMs: 200,
});

describe('the library API', () => {
  it('reports a module that blocks its thread as error on every rule', async () => {
    const report = await runConformance(BLOCKER, {
      rules: RULES,
      runs: 5,
      seed: 1,
      timeoutMs: 200,
    });
    expect(report.targets[0]?.results.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
