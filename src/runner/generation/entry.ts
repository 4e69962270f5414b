import { parentPort } from 'node:worker_threads';
import fc from 'fast-check';
import { caseArbitrary } from '../../../generators/index.js';
import type { Generated, GenerateRequest } from './messages.js';

/*
 * The generation thread: samples the catalogue generators for one rule at a time. fc.sample with
 * the same seed yields exactly the values fc.check would, run by run, so replays and shrinking on
 * the main thread meet the same cases.
 */

parentPort?.on('message', (request: GenerateRequest) => {
  let reply: Generated;
  try {
    const cases = fc.sample(caseArbitrary(request.rule), {
      seed: request.seed,
      numRuns: request.runs,
    });
    reply = { id: request.id, cases };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
