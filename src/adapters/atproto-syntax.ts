// @atproto/syntax, the reference TypeScript implementation of handle and DID syntax. The verdict
// is `isValidHandle` / `isValidDid`; `ensureValid*` is called only to explain a rejection.
import { ensureValidDid, ensureValidHandle, isValidDid, isValidHandle } from '@atproto/syntax';
import type { ValidateResult, Validator } from '../contract/validator.js';
import { libraryVersion } from './library-version.js';

function explain(valid: boolean, value: unknown, ensure: (input: string) => void): ValidateResult {
  if (valid) return { valid };
  if (typeof value !== 'string')
    return { valid, errors: [`expected a string, got ${typeof value}`] };
  try {
    ensure(value);
  } catch (err) {
    return { valid, errors: [(err as Error).message] };
  }
  // isValid* and ensureValid* are separate code paths; say so when only one of them rejects.
  return { valid, errors: ['rejected by the regex check, accepted by the ensureValid* check'] };
}

export function create(): Validator {
  return {
    name: '@atproto/syntax',
    version: libraryVersion('@atproto/syntax'),
    kinds: ['handle', 'did'],
    validate(kind, value) {
      if (kind === 'handle') return explain(isValidHandle(value), value, ensureValidHandle);
      if (kind === 'did') return explain(isValidDid(value), value, ensureValidDid);
      throw new Error(`kind ${kind} is not supported`);
    },
  };
}
