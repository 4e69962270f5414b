import { Worker } from 'node:worker_threads';
import type { WorkerData, WorkerSource } from './messages.js';

/** One worker thread of a worker target, and the state it shares with the main thread. */
export interface Thread {
  readonly worker: Worker;
  readonly state: Int32Array;
  ready: boolean;
  /** Why it ended, when the worker reported an uncaught error. */
  error?: string;
}

/** The thread's entry: the built JS, or the TypeScript sources (under tests) through hooks. */
function entryPoint(): { url: URL; execArgv?: string[] } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { url: new URL('./entry.js', here) };
  const hooks = new URL('./source-register.mjs', here).href;
  return { url: new URL('./entry.ts', here), execArgv: [...process.execArgv, '--import', hooks] };
}

/** Starts a thread loading `source`; what it prints goes to `onOutput`, never to the terminal. */
export function startThread(source: WorkerSource, onOutput: (text: string) => void): Thread {
  const { url, execArgv } = entryPoint();
  const shared = new SharedArrayBuffer(8);
  const workerData: WorkerData = { source, state: shared };
  const worker = new Worker(url, {
    workerData,
    stdout: true,
    stderr: true,
    ...(execArgv === undefined ? {} : { execArgv }),
  });
  for (const stream of [worker.stdout, worker.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', onOutput);
  }
  return { worker, state: new Int32Array(shared), ready: false };
}
