import { caseArbitrary, RULE_ARBITRARIES } from '../../../generators/byRule.js';
import type { RuleId } from '../../../src/spec/index.js';
import * as arb from '../../_helpers/arbitraryAssertions.js';

// Shrinking tries several shrinks of a value at once: making them must not change any value.

describe('generators are pure', () => {
  const ids = Object.keys(RULE_ARBITRARIES) as RuleId[];

  it.each(ids)('%s: making shrinks changes neither the value nor its other shrinks', (id) => {
    expect(arb.assertPure(caseArbitrary(id))).toBeGreaterThanOrEqual(5);
  });
});
