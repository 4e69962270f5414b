import type { Io } from '../../../src/commands/common.js';

/** Captures what a command writes, for assertions. */
export function captureIo(
  env: Record<string, string | undefined> = {},
): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    env,
    stderrIsTTY: false,
    out: () => out,
    err: () => err,
  };
}
