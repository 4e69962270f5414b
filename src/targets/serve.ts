import type { Readable } from 'node:stream';
import { DEFAULT_TIMEOUT_MS, type Validator, type Verdict } from '../contract/validator.js';
import { LineSplitter } from '../harness/lines.js';
import { encodeAnswer, readItem, readRequest } from '../harness/protocol.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import { guardedValidate } from './from-validator.js';

/*
 * Serves a Validator over harness protocol v1, or v2 when the start offers it: the other side of
 * a `cmd:` target. Each request is answered on its own, batch items too (a v1 answer line per
 * value is a valid v2 answer): a bad one gets an `errored` answer (with its seq when one can be
 * read) and serving goes on. Synchronous validators answer in request order; async ones as they
 * settle.
 */

export interface ServeOptions {
  readonly input: Readable;
  /** Writes one or more whole lines; must not buffer them indefinitely. */
  readonly write: (text: string) => void;
  /** Reported in the start reply. */
  readonly language?: string;
  /** Limit for async validators (default 5 s). */
  readonly timeoutMs?: number;
}

/** Resolves after `stop` or the end of input, once every answer is written. */
export function serve(validator: Validator, options: ServeOptions): Promise<void> {
  const { input, write } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pending = new Set<Promise<void>>();
  let stopped = false;

  const answer = (seq: number | undefined, verdict: Verdict): void => {
    if (!stopped) write(`${encodeAnswer(seq, verdict)}\n`);
  };

  const startReply = (version: number): string =>
    JSON.stringify({
      version,
      implementation: {
        name: validator.name,
        ...(validator.version === undefined ? {} : { version: validator.version }),
        ...(options.language === undefined ? {} : { language: options.language }),
        kinds: validator.kinds,
      },
    });

  const validate = (seq: number, kind: ValidatorKind, value: unknown): void => {
    const verdict = guardedValidate(validator, kind, value, timeoutMs);
    if (!(verdict instanceof Promise)) {
      answer(seq, verdict);
      return;
    }
    const done = verdict.then((v) => answer(seq, v));
    pending.add(done);
    void done.finally(() => pending.delete(done));
  };

  return new Promise<void>((resolve) => {
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onEnd);
      input.pause();
      void Promise.all(pending).then(() => resolve());
    };
    const onLine = (line: string): void => {
      if (ended || line.trim().length === 0) return;
      const request = readRequest(line);
      if ('error' in request) {
        answer(request.seq, { outcome: 'errored', message: `bad request: ${request.error}` });
      } else if (request.cmd === 'start') {
        // The start names the highest version the runner speaks; the reply, the one spoken.
        write(`${startReply(request.version >= 2 ? 2 : 1)}\n`);
      } else if (request.cmd === 'validate') {
        validate(request.seq, request.kind, request.value);
      } else if (request.cmd === 'validateBatch') {
        for (const item of request.requests) {
          const read = readItem(item);
          if ('error' in read)
            answer(read.seq, { outcome: 'errored', message: `bad request: ${read.error}` });
          else validate(read.seq, read.kind, read.value);
        }
      } else {
        end();
        stopped = true;
      }
    };
    const splitter = new LineSplitter(onLine, () =>
      answer(undefined, { outcome: 'errored', message: 'bad request: line too long' }),
    );
    const onData = (chunk: Buffer | string): void => splitter.push(chunk);
    const onEnd = (): void => {
      splitter.end();
      end();
    };
    input.on('data', onData);
    input.on('end', onEnd);
    input.on('error', onEnd);
  });
}
