import { describe, expect, test } from '@jest/globals';
import { handle, invalidHandle } from 'atproto-session-conformance/generators';
import fc from 'fast-check';
import { isHandle } from './is-handle.js';

/*
 * Property tests with the generators used directly. Valid values are valid by construction;
 * every invalid value carries the IDs of the rules it breaks, so a failure says which rule the
 * validator missed. fast-check prints the seed and path to replay a failure.
 */

describe('isHandle', () => {
  test('accepts every valid handle', () => {
    fc.assert(fc.property(handle(), (h) => isHandle(h)));
  });

  test('accepts handles at the edges: 253 characters, 63-character labels, upper case', () => {
    const edges = fc.oneof(
      handle({ trait: 'length-limits' }),
      handle({ trait: 'upper-case' }),
      handle({ trait: 'punycode' }),
    );
    fc.assert(fc.property(edges, (h) => isHandle(h)));
  });

  test('rejects every invalid handle, whatever rule it breaks', () => {
    fc.assert(
      fc.property(invalidHandle(), ({ value, violates }) => {
        // On failure, jest shows the value and the rules it breaks side by side.
        expect({ value, violates, accepted: isHandle(value) }).toEqual({
          value,
          violates,
          accepted: false,
        });
      }),
    );
  });

  test('rejects handles over the length limit (one rule at a time)', () => {
    fc.assert(
      fc.property(invalidHandle({ rule: 'handle.length.max' }), ({ value }) => !isHandle(value)),
      { numRuns: 50 },
    );
  });
});
