import { parentPort, workerData } from 'node:worker_threads';
import { findBuiltin } from '../../adapters/index.js';
import type { Validator, Verdict } from '../../contract/validator.js';
import type { ValidatorKind } from '../../spec/rules/types.js';
import { guardedValidate } from '../from-validator.js';
import { loadValidatorModule } from '../module.js';
import { decodeValues, record } from './codec.js';
import {
  CURRENT_SEQ,
  type FromWorker,
  STARTED,
  type ToWorker,
  type WorkerData,
} from './messages.js';

/*
 * The thread of one in-process target: loads the validator, then answers chunks of requests in
 * order. It never times anything: the main thread watches `state` and terminates it when a
 * request takes too long, so a synchronous endless loop is caught too.
 */

const data = workerData as WorkerData;
const state = new Int32Array(data.state);
const port = parentPort;

function post(message: FromWorker): void {
  port?.postMessage(message);
}

async function load(): Promise<Validator> {
  const { source } = data;
  if ('module' in source) return loadValidatorModule(source.module, source.cwd);
  const adapter = findBuiltin(source.builtin);
  if (adapter === undefined) throw new Error(`unknown built-in target "${source.builtin}"`);
  try {
    return await adapter.create();
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(`${source.spec}: the adapter failed to start: ${message}`);
  }
}

/** The requests of a message, as kind and value; undefined for one not asked. */
function requestsOf(message: ToWorker): (readonly [ValidatorKind, unknown] | undefined)[] {
  if (message.type === 'validate') return message.requests.map((r) => [r.kind, r.value]);
  const { cases, wanted, from, to } = message;
  const values = decodeValues(cases.values);
  const out: (readonly [ValidatorKind, unknown] | undefined)[] = [];
  for (let i = from; i < to; i++) {
    const kind = cases.kinds[cases.kindIndex[i] as number] as ValidatorKind | undefined;
    out.push(kind !== undefined && wanted.includes(kind) ? [kind, values[i]] : undefined);
  }
  return out;
}

async function answer(validator: Validator, message: ToWorker): Promise<void> {
  const requests = requestsOf(message);
  const outcomes = new Uint8Array(requests.length);
  const other: [number, Verdict][] = [];
  for (const [i, request] of requests.entries()) {
    if (request === undefined) continue;
    Atomics.store(state, CURRENT_SEQ, message.first + i);
    Atomics.add(state, STARTED, 1);
    // No timeout here: an async result that never settles is timed by the main thread.
    const verdict = guardedValidate(validator, request[0], request[1], Number.POSITIVE_INFINITY);
    record(outcomes, other, i, verdict instanceof Promise ? await verdict : verdict);
  }
  Atomics.store(state, CURRENT_SEQ, 0);
  const reply: FromWorker = { type: 'verdicts', first: message.first, outcomes, other };
  port?.postMessage(reply, [outcomes.buffer]);
}

try {
  const validator = await load();
  const { name, version, kinds } = validator;
  post({
    type: 'ready',
    identity: { name, ...(version === undefined ? {} : { version }), kinds: [...kinds] },
  });
  // Chunks are answered one after the other, in the order they came.
  let queue = Promise.resolve();
  port?.on('message', (message: ToWorker) => {
    queue = queue.then(() => answer(validator, message));
  });
} catch (err) {
  post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
}
