import type { ProgressEvent } from '../runner/options.js';
import type { Io } from './common.js';

/** One self-overwriting progress line on stderr (used only when stderr is a terminal). */
export function progressPrinter(io: Io): { update: (e: ProgressEvent) => void; done: () => void } {
  const state = new Map<string, string>();
  let last = 0;
  return {
    update(e) {
      state.set(e.target, `${e.target} ${e.done}/${e.total}`);
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      io.stderr(`\r\u001b[K${[...state.values()].join('  ')} ${e.rule}`.slice(0, 200));
    },
    done() {
      io.stderr('\r\u001b[K');
    },
  };
}
