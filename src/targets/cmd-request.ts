import type { Verdict } from '../contract/validator.js';
import { encodeValue } from '../harness/encode-value.js';
import { preview } from '../harness/protocol.js';
import type { ValidatorKind } from '../spec/rules/types.js';

/**
 * The JSON a request sends for `value`, or why it is skipped: the harness did not declare the
 * kind, or the value has no JSON form that reads back the same.
 */
export function encodeRequest(
  kinds: readonly ValidatorKind[],
  kind: ValidatorKind,
  value: unknown,
): string | Verdict {
  if (!kinds.includes(kind)) {
    return { outcome: 'skipped', message: `the harness does not declare kind ${kind}` };
  }
  const valueJson = encodeValue(value);
  if (valueJson !== undefined) return valueJson;
  return {
    outcome: 'skipped',
    message: `the value cannot be sent as JSON unchanged: ${
      typeof value === 'object' && value !== null ? preview(value) : String(value)
    }`,
  };
}
