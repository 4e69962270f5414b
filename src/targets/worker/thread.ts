import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { WorkerData, WorkerSource } from './messages.js';

/** One worker thread of a worker target, and the state it shares with the main thread. */
export interface Thread {
  readonly worker: Worker;
  readonly state: Int32Array;
  ready: boolean;
  /** Why it ended, when the worker reported an uncaught error. */
  error?: string;
}

/**
 * Starts the worker script `name` (without extension) of the folder `here` (an
 * `import.meta.url`): the built JS, or the TypeScript sources (under tests) through module hooks.
 */
export function startWorker(here: string, name: string, options: WorkerOptions): Worker {
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here), options);
  const hooks = new URL('./source-register.mjs', import.meta.url).href;
  return new Worker(new URL(`./${name}.ts`, here), {
    ...options,
    execArgv: [...process.execArgv, '--import', hooks],
  });
}

/** Starts a thread loading `source`; what it prints goes to `onOutput`, never to the terminal. */
export function startThread(source: WorkerSource, onOutput: (text: string) => void): Thread {
  const shared = new SharedArrayBuffer(8);
  const workerData: WorkerData = { source, state: shared };
  // A small young generation keeps the thread's garbage from growing its memory with the runs.
  const worker = startWorker(import.meta.url, 'entry', {
    workerData,
    stdout: true,
    stderr: true,
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  for (const stream of [worker.stdout, worker.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', onOutput);
  }
  return { worker, state: new Int32Array(shared), ready: false };
}
