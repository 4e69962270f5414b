import type { Verdict } from '../contract/validator.js';
import { encodeValue } from '../harness/encode-value.js';
import { preview } from '../harness/protocol.js';
import type { ValidatorKind } from '../spec/rules/types.js';

/** Why a request of `kind` is skipped, when the harness did not declare the kind. */
export function undeclaredKind(
  kinds: readonly ValidatorKind[],
  kind: ValidatorKind,
): Verdict | undefined {
  return kinds.includes(kind)
    ? undefined
    : { outcome: 'skipped', message: `the harness does not declare kind ${kind}` };
}

/**
 * The JSON a request sends for `value`, or why it is skipped: the value has no JSON form that
 * reads back the same. Called just before the request is written, so the JSON is garbage soon
 * after (strings kept across a whole batch would survive into the old generation, which costs
 * more to collect than encoding does).
 */
export function encodeRequestValue(value: unknown): string | Verdict {
  const valueJson = encodeValue(value);
  if (valueJson !== undefined) return valueJson;
  return {
    outcome: 'skipped',
    message: `the value cannot be sent as JSON unchanged: ${
      typeof value === 'object' && value !== null ? preview(value) : String(value)
    }`,
  };
}
