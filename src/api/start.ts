import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_TIMEOUT_MS,
  type Target,
  TargetStartError,
  type Validator,
} from '../contract/validator.js';
import type { ProtocolVersion } from '../harness/protocol-v2.js';
import { fromValidator } from '../targets/from-validator.js';
import { createTarget } from '../targets/index.js';
import { shapeProblem } from '../targets/module.js';

/**
 * What can be certified: a target spec (a built-in id such as `zod`, `module:<path>` or
 * `cmd:<command line>`), a {@link Validator} object, or a started {@link Target} (which the
 * caller keeps and closes).
 */
export type TargetInput = string | Validator | Target;

/**
 * The `module:` spec of a validator module, which then runs isolated in its own worker thread: a
 * file URL (`new URL('./my-validator.js', import.meta.url)`, next to the calling file) or a path
 * (relative to the working directory), made absolute. The file must be one that Node can import
 * by itself (JavaScript; a test runner's TypeScript transform does not reach the worker).
 */
export function moduleSpec(file: string | URL): string {
  const isPath = typeof file === 'string' && !file.startsWith('file:');
  return `module:${isPath ? resolve(file) : fileURLToPath(file)}`;
}

/**
 * A Validator object runs on the caller's thread, where it would get the runner's own values:
 * each call gets a copy instead, so writing into a value cannot change what other targets and
 * the report see.
 */
function copyingValues(validator: Validator): Validator {
  return {
    name: validator.name,
    ...(validator.version === undefined ? {} : { version: validator.version }),
    kinds: validator.kinds,
    validate: (kind, value) => validator.validate(kind, structuredClone(value)),
  };
}

/** A target and whether this package started it (and so must close it). */
export interface StartedTarget {
  readonly target: Target;
  readonly owned: boolean;
}

function isTarget(input: Validator | Target): input is Target {
  return 'info' in input && typeof (input as Target).validateBatch === 'function';
}

/** The id a target gets in the report: the spec, the validator's name or the target's id. */
export function inputId(input: TargetInput): string {
  if (typeof input === 'string') return input;
  return isTarget(input) ? input.info.id : input.name;
}

/** How targets given as specs are started. */
export interface StartOptions {
  readonly timeoutMs?: number;
  /** Environment variables passed to `cmd:` harnesses beyond the allowlist. */
  readonly passEnv?: readonly string[];
  /** The highest harness protocol version offered to `cmd:` targets (default 2). */
  readonly protocolVersion?: ProtocolVersion;
  /** Restarts per rule of a validator that runs apart (`cmd:`, `module:`, built-in; default 10). */
  readonly maxRestarts?: number;
}

/**
 * Starts a {@link TargetInput}. `owned` is true when this call started it (a spec or a
 * {@link Validator}): the caller then closes `target` when done. A started {@link Target} comes
 * back as it is, with `owned: false`. Throws {@link TargetStartError} when it cannot start.
 */
export async function startTarget(
  input: TargetInput,
  options: StartOptions = {},
): Promise<StartedTarget> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, passEnv = [], protocolVersion, maxRestarts } = options;
  if (typeof input === 'string') {
    const started = {
      timeoutMs,
      passEnv,
      ...(protocolVersion === undefined ? {} : { protocolVersion }),
      ...(maxRestarts === undefined ? {} : { maxRestarts }),
    };
    return { target: await createTarget(input, started), owned: true };
  }
  if (isTarget(input)) return { target: input, owned: false };
  const problem = shapeProblem(input);
  if (problem !== undefined) throw new TargetStartError(`not a validator: ${problem}`);
  const target = fromValidator(copyingValues(input), { id: input.name }, { timeoutMs });
  return { target, owned: true };
}
