import type { StartReply } from '../harness/protocol.js';
import type { ProtocolVersion } from '../harness/protocol-v2.js';
import { HarnessProcess, type HarnessProcessOptions, StartFailed } from './harness-process.js';

/** A process's options, with its line and exit handlers told which process it is. */
export interface ProcessSpec extends Omit<HarnessProcessOptions, 'onLine' | 'onGone'> {
  readonly onLine: (proc: HarnessProcess, line: string) => void;
  readonly onGone: (proc: HarnessProcess, reason: string) => void;
}

export interface HarnessStart {
  readonly process: ProcessSpec;
  /** Called with each new process before its start (it becomes the target's current one). */
  readonly adopt: (proc: HarnessProcess) => void;
  /** Called with a process whose start failed. */
  readonly failed: (proc: HarnessProcess) => void;
  readonly offered: ProtocolVersion;
  readonly timeoutMs: number;
  /** The target's first start: only that one falls back to version 1. */
  readonly first: boolean;
  readonly note: (text: string) => void;
}

/**
 * Starts a harness offering `offered`. A harness written for version 1 may refuse a start that
 * offers 2 (it exits, or answers with an error): a first start refused that way is tried once
 * more offering 1, as its own protocol. One that said nothing in time is not tried again.
 */
export async function startHarness(
  start: HarnessStart,
): Promise<{ reply: StartReply; offered: ProtocolVersion }> {
  const spec = start.process;
  const proc: HarnessProcess = new HarnessProcess({
    ...spec,
    onLine: (line) => spec.onLine(proc, line),
    onGone: (reason) => spec.onGone(proc, reason),
  });
  start.adopt(proc);
  try {
    return { reply: await proc.start(start.timeoutMs, start.offered), offered: start.offered };
  } catch (err) {
    start.failed(proc);
    const retry = err instanceof StartFailed && !err.timedOut && start.offered > 1 && start.first;
    if (!retry) throw err;
    start.note(
      `offered protocol version 2, the harness did not start (${err.message}); offering 1`,
    );
    return startHarness({ ...start, offered: 1 }).catch((v1: unknown) => {
      const again = v1 instanceof Error ? v1.message : String(v1);
      throw again === err.message ? err : new Error(`${err.message}; offered 1: ${again}`);
    });
  }
}
