import { parentPort } from 'node:worker_threads';
import { caseArbitrary } from '../../../generators/index.js';
import { chunkParts } from './chunk.js';
import type { FromGeneration, ToGeneration } from './messages.js';
import { Credit, produce } from './produce.js';

/*
 * The generation thread: runs the catalogue generators of each open rule as fc.check does with
 * the run's seed, so replays and shrinking meet the same cases, and sends them on chunk by
 * chunk, encoded once for the main thread and every target, never more chunks ahead than the
 * main thread asked for. Several rules may be open at once (the next one is generated while
 * targets finish this one).
 */

const feeds = new Map<number, Credit>();

function post(message: FromGeneration): void {
  parentPort?.postMessage(message);
}

async function open(request: Extract<ToGeneration, { type: 'open' }>): Promise<void> {
  const credit = new Credit();
  feeds.set(request.id, credit);
  const { id } = request;
  try {
    const arbitrary = caseArbitrary(request.rule);
    await produce(arbitrary, request.seed, request.runs, credit, (cases, start) =>
      post({ type: 'chunk', id, parts: chunkParts(cases, start) }),
    );
    post({ type: 'end', id });
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  } finally {
    feeds.delete(id);
  }
}

parentPort?.on('message', (message: ToGeneration) => {
  if (message.type === 'open') void open(message);
  else if (message.type === 'more') feeds.get(message.id)?.grant();
  else feeds.get(message.id)?.cancel();
});
