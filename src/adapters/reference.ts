// The project's own oracle as a target. It is the one adapter that may see src/spec: it *is* the
// reference, certified against the interop vectors.

import type { Validator } from '../contract/validator.js';
import { check } from '../spec/oracle.js';
import { toolVersion } from '../util/version.js';

export function create(): Validator {
  return {
    name: 'reference',
    version: toolVersion(),
    kinds: ['handle', 'did', 'session', 'getSession'],
    validate(kind, value) {
      const { valid, violations } = check(kind, value);
      return { valid, errors: [...violations] };
    },
  };
}
