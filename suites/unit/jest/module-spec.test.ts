import { describeConformance, moduleSpec } from '../../../src/jest/index.js';

/*
 * The isolated way, as a test file next to its validator writes it: a module URL relative to
 * this file, run in a worker thread inside jest's ESM mode. The module blocks its thread forever
 * on every value; each rule is then a known error and the file finishes.
 */

describeConformance(moduleSpec(new URL('../../fixtures/faux/modules/block.mjs', import.meta.url)), {
  name: 'a blocking module given by URL',
  rules: 'handle.length.max',
  knownFailures: [{ rule: 'handle.length.max', status: 'error', reason: 'blocks its thread' }],
  replayTarget: 'module:./block.mjs',
  runs: 3,
  seed: 1,
  timeoutMs: 200,
});

describeConformance(
  moduleSpec(new URL('../../fixtures/faux/modules/accept.mjs', import.meta.url)),
  {
    name: 'an accepting module given by URL',
    rules: 'handle.accept.syntax',
    runs: 5,
    seed: 1,
  },
);
