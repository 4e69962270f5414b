import { parentPort } from 'node:worker_threads';
import { caseArbitrary } from '../../../generators/index.js';
import type { ValidationRequest, Verdict } from '../../contract/validator.js';
import { shrink } from '../shrink.js';
import { targetValidate } from '../validate.js';
import { chunkParts } from './chunk.js';
import type { FromGeneration, ToGeneration } from './messages.js';
import { Credit, produce } from './produce.js';

/*
 * The generation thread: runs the catalogue generators of each open rule as fc.check does with
 * the run's seed, so replays and shrinking meet the same cases, and sends them on chunk by
 * chunk, encoded once for the main thread and every target, never more chunks ahead than the
 * main thread asked for. Several rules may be open at once (the next one is generated while
 * targets finish this one). Findings are shrunk here too: the main thread only carries each value
 * tried to the target and its verdict back.
 */

const feeds = new Map<number, Credit>();
/** Verdicts awaited by shrinking, by shrink id and try number. */
const tries = new Map<number, Map<number, (verdicts: readonly Verdict[]) => void>>();

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

async function shrinkHere(request: Extract<ToGeneration, { type: 'shrink' }>): Promise<void> {
  const { id } = request;
  const waiting = new Map<number, (verdicts: readonly Verdict[]) => void>();
  tries.set(id, waiting);
  let n = 0;
  const validateBatch = (requests: readonly ValidationRequest[]) =>
    new Promise<Verdict[]>((resolve) => {
      const k = n++;
      waiting.set(k, (verdicts) => resolve([...verdicts]));
      post({ type: 'try', id, n: k, requests });
    });
  // The same cache as on the main thread: shrinking tries a value more than once.
  const validate = targetValidate({ validateBatch }, request.kinds);
  try {
    const arbitrary = caseArbitrary(request.rule);
    const shrunk = await shrink(arbitrary, request.index, request.outcome, request, validate);
    post({ type: 'shrunk', id, ...(shrunk === undefined ? {} : { found: shrunk }) });
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  } finally {
    tries.delete(id);
  }
}

parentPort?.on('message', (message: ToGeneration) => {
  switch (message.type) {
    case 'open':
      void open(message);
      break;
    case 'more':
      feeds.get(message.id)?.grant();
      break;
    case 'cancel':
      feeds.get(message.id)?.cancel();
      break;
    case 'shrink':
      void shrinkHere(message);
      break;
    case 'verdicts': {
      const waiting = tries.get(message.id);
      waiting?.get(message.n)?.(message.verdicts);
      waiting?.delete(message.n);
    }
  }
});
