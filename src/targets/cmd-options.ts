import type { TargetOptions } from '../contract/validator.js';
import type { ProtocolVersion } from '../harness/protocol-v2.js';
import type { Trace } from './harness-process.js';

export interface CmdTargetOptions extends TargetOptions {
  /** Requests written before waiting for answers (default 256); 1 is lockstep. */
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
  /**
   * The highest protocol version offered in `start` (default 2). 1 sends exactly the v1 start,
   * for a harness that refuses any other.
   */
  readonly protocolVersion?: ProtocolVersion;
  /** v2: the most values in one `validateBatch` (default 64; the harness may ask for fewer). */
  readonly maxBatch?: number;
  /** Sees every protocol line, both ways (for debugging and transcripts). */
  readonly trace?: Trace;
}

export const DEFAULT_MAX_IN_FLIGHT = 256;
export const DEFAULT_MAX_RESTARTS = 10;
export const DEFAULT_MAX_BATCH = 64;

/** A limit of at least 1 (`fallback` when not a number: a NaN limit would stall the queue). */
export function atLeastOne(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : fallback;
}
