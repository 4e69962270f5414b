import type { ProgressEvent } from '../runner/options.js';
import type { Io } from './common.js';
import { terminalText } from './terminal.js';

export interface ProgressOptions {
  /** Seconds between lines on a non-terminal stderr (CI logs). */
  readonly intervalMs?: number;
  readonly now?: () => number;
  /** Also print on a timer, so a long rule still shows the run is alive. Default true. */
  readonly timer?: boolean;
}

export interface ProgressPrinter {
  readonly update: (e: ProgressEvent) => void;
  readonly done: () => void;
}

export const PROGRESS_INTERVAL_MS = 5000;

/**
 * Progress on stderr. On a terminal: one self-overwriting line. Elsewhere (a CI log): a plain
 * line when the first rule is done and then every few seconds, with rules done, the total and
 * the failing rules so far.
 */
export function progressPrinter(io: Io, options: ProgressOptions = {}): ProgressPrinter {
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  const counts = new Map<string, { done: number; total: number }>();
  // Failing rules so far, when the runner counts them.
  let failures: number | undefined;
  let rule = '';
  let last: number | undefined;
  const line = (): string => {
    let done = 0;
    let total = 0;
    for (const c of counts.values()) {
      done += c.done;
      total += c.total;
    }
    return `${done}/${total} rules done${failures === undefined ? '' : `, ${failures} failing`}`;
  };
  if (io.stderrIsTTY) {
    return {
      update(e) {
        counts.set(e.target, { done: e.done, total: e.total });
        failures = e.failures ?? failures;
        const t = now();
        if (last !== undefined && t - last < 100) return;
        last = t;
        io.stderr(`\r\u001b[K${`${line()}  ${terminalText(e.rule)}`.slice(0, 200)}`);
      },
      done() {
        io.stderr('\r\u001b[K');
      },
    };
  }
  const print = (): void => {
    last = now();
    io.stderr(`progress: ${line()}${rule === '' ? '' : ` (at ${terminalText(rule)})`}\n`);
  };
  const timer =
    options.timer === false
      ? undefined
      : setInterval(() => {
          if (last !== undefined && now() - last >= interval) print();
        }, interval);
  timer?.unref();
  return {
    update(e) {
      counts.set(e.target, { done: e.done, total: e.total });
      failures = e.failures ?? failures;
      rule = e.rule;
      const first = last === undefined && e.done > 0;
      if (first || (last !== undefined && now() - last >= interval)) print();
    },
    done() {
      if (timer !== undefined) clearInterval(timer);
    },
  };
}
