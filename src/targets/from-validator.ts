import type {
  Target,
  TargetInfo,
  TargetOptions,
  ValidationRequest,
  Validator,
  Verdict,
} from '../contract/validator.js';
import { preview } from '../harness/protocol.js';
import type { ValidatorKind } from '../spec/rules/types.js';

/*
 * In-process validators (user modules and built-in adapters) as targets. Every call is guarded:
 * a throw, a rejected promise, a result that is not `true`/`false`/`{valid: boolean, errors?:
 * string[]}`, or an async result that does not settle within the timeout is an `errored`
 * verdict, never a rejection. Synchronous results take no timer: the runner calls this
 * thousands of times.
 */

const VALID: Verdict = { outcome: 'valid' };
const INVALID: Verdict = { outcome: 'invalid' };

function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message.split('\n')[0] ?? ''}`;
  return `threw ${preview(err)}`;
}

/** Reads what a `validate` returned; garbage becomes `errored`. */
export function toVerdict(result: unknown): Verdict {
  if (result === true) return VALID;
  if (result === false) return INVALID;
  if (typeof result === 'object' && result !== null && !Array.isArray(result)) {
    const { valid, errors } = result as { valid?: unknown; errors?: unknown };
    const errorsOk =
      errors === undefined || (Array.isArray(errors) && errors.every((e) => typeof e === 'string'));
    if (typeof valid === 'boolean' && errorsOk) {
      if (valid) return VALID;
      return errors === undefined ? INVALID : { outcome: 'invalid', errors: errors as string[] };
    }
  }
  return {
    outcome: 'errored',
    message: `returned garbage (expected true, false or {valid, errors?}): ${preview(result)}`,
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function settleWithin(pending: PromiseLike<unknown>, timeoutMs: number): Promise<Verdict> {
  return new Promise<Verdict>((resolve) => {
    // An infinite timeout takes no timer: a worker's requests are timed by the main thread.
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          resolve({ outcome: 'errored', message: `no result within ${timeoutMs} ms (timeout)` });
        }, timeoutMs)
      : undefined;
    pending.then(
      (result) => {
        clearTimeout(timer);
        resolve(toVerdict(result));
      },
      (err: unknown) => {
        clearTimeout(timer);
        resolve({ outcome: 'errored', message: `rejected: ${describeError(err)}` });
      },
    );
  });
}

/**
 * One guarded call. Returns the verdict itself when `validate` answered synchronously, so
 * callers can skip a promise per value.
 */
export function guardedValidate(
  validator: Validator,
  kind: ValidatorKind,
  value: unknown,
  timeoutMs: number,
): Verdict | Promise<Verdict> {
  if (!validator.kinds.includes(kind)) {
    return { outcome: 'skipped', message: `${validator.name} does not validate kind ${kind}` };
  }
  let result: unknown;
  try {
    result = validator.validate(kind, value);
  } catch (err) {
    return { outcome: 'errored', message: `threw: ${describeError(err)}` };
  }
  return isThenable(result) ? settleWithin(result, timeoutMs) : toVerdict(result);
}

export interface InProcessInfo {
  /** The target spec as given (a built-in id or `module:<path>`). */
  readonly id: string;
  readonly language?: string;
}

export function fromValidator(
  validator: Validator,
  info: InProcessInfo,
  options: TargetOptions,
): Target {
  const targetInfo: TargetInfo = {
    id: info.id,
    name: validator.name,
    ...(validator.version === undefined ? {} : { version: validator.version }),
    ...(info.language === undefined ? {} : { language: info.language }),
    kinds: [...validator.kinds],
  };
  const { timeoutMs } = options;
  return {
    info: targetInfo,
    async validate(kind, value) {
      return guardedValidate(validator, kind, value, timeoutMs);
    },
    async validateBatch(requests: readonly ValidationRequest[]) {
      const verdicts: (Verdict | Promise<Verdict>)[] = [];
      let anyAsync = false;
      for (const { kind, value } of requests) {
        const verdict = guardedValidate(validator, kind, value, timeoutMs);
        if (verdict instanceof Promise) anyAsync = true;
        verdicts.push(verdict);
      }
      return anyAsync ? Promise.all(verdicts) : (verdicts as Verdict[]);
    },
    diagnostics: () => '',
    close: async () => {},
  };
}
