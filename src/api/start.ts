import {
  DEFAULT_TIMEOUT_MS,
  type Target,
  TargetStartError,
  type Validator,
} from '../contract/validator.js';
import { fromValidator } from '../targets/from-validator.js';
import { createTarget } from '../targets/index.js';
import { shapeProblem } from '../targets/module.js';

/**
 * What can be certified: a target spec (a built-in id such as `zod`, `module:<path>` or
 * `cmd:<command line>`), a {@link Validator} object, or a started {@link Target} (which the
 * caller keeps and closes).
 */
export type TargetInput = string | Validator | Target;

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

/**
 * Starts a {@link TargetInput}. `owned` is true when this call started it (a spec or a
 * {@link Validator}): the caller then closes `target` when done. A started {@link Target} comes
 * back as it is, with `owned: false`. Throws {@link TargetStartError} when it cannot start.
 */
export async function startTarget(
  input: TargetInput,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
  passEnv: readonly string[] = [],
): Promise<StartedTarget> {
  if (typeof input === 'string') {
    return { target: await createTarget(input, { timeoutMs, passEnv }), owned: true };
  }
  if (isTarget(input)) return { target: input, owned: false };
  const problem = shapeProblem(input);
  if (problem !== undefined) throw new TargetStartError(`not a validator: ${problem}`);
  return { target: fromValidator(input, { id: input.name }, { timeoutMs }), owned: true };
}
