import type { TargetOptions } from '../contract/validator.js';
import type { Trace } from './harness-process.js';

export interface CmdTargetOptions extends TargetOptions {
  /** Requests written before waiting for answers (default 64); 1 is lockstep. */
  readonly maxInFlight?: number;
  /** false is the same as `maxInFlight: 1`. */
  readonly pipeline?: boolean;
  /** Restarts after a crash or a hang before giving up (default 10). */
  readonly maxRestarts?: number;
  /** Time for the start handshake (default: the larger of `timeoutMs` and 10 s). */
  readonly startTimeoutMs?: number;
  /** Time the program gets to exit after `stop` before it is killed (default 1 s). */
  readonly stopGraceMs?: number;
  readonly cwd?: string;
  /** The program's environment (default: the allowlist of harness-env.ts). */
  readonly env?: NodeJS.ProcessEnv;
  /** More variables of the runner's environment to pass on (`--pass-env NAME`). */
  readonly passEnv?: readonly string[];
  /** Sees every protocol line, both ways (for debugging and transcripts). */
  readonly trace?: Trace;
}

export const DEFAULT_MAX_IN_FLIGHT = 256;
export const DEFAULT_MAX_RESTARTS = 10;
