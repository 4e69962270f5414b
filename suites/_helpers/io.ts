import type { Io } from '../../src/commands/common.js';

/** Captures what a command writes, for assertions: all of it, or chunk by chunk as written. */
export function captureIo(
  env: Record<string, string | undefined> = {},
  stderrIsTTY = false,
): Io & {
  out: () => string;
  err: () => string;
  readonly outChunks: readonly string[];
  readonly errChunks: readonly string[];
} {
  const outChunks: string[] = [];
  const errChunks: string[] = [];
  return {
    stdout: (t) => outChunks.push(t),
    stderr: (t) => errChunks.push(t),
    env,
    stderrIsTTY,
    out: () => outChunks.join(''),
    err: () => errChunks.join(''),
    outChunks,
    errChunks,
  };
}
