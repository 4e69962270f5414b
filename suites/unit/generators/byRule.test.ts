import { type Case, caseArbitrary, RULE_ARBITRARIES } from '../../../generators/byRule.js';
import { coherenceRules } from '../../../generators/incoherentSession.js';
import { DID_REJECT_RULES } from '../../../generators/invalidDid.js';
import { HANDLE_REJECT_RULES } from '../../../generators/invalidHandle.js';
import { sessionRejectRules } from '../../../generators/invalidSession.js';
import {
  check,
  coherenceViolations,
  didPolicyViolations,
  didViolations,
  RULES,
  type RuleId,
  sessionViolations,
} from '../../../src/spec/index.js';
import * as arb from '../../_helpers/arbitraryAssertions.js';

/** What the oracle says a case breaks: `check` for validator kinds, the live checks otherwise. */
function oracleViolations(c: Case): readonly RuleId[] {
  if (c.kind !== 'live') return check(c.kind, c.value).violations;
  if (typeof c.value === 'string') {
    // A DID for the method policy: it must be valid syntax first.
    arb.assertSameJson(didViolations(c.value), [], 'didViolations');
    return didPolicyViolations(c.value);
  }
  // A session for coherence: lexicon-valid as one kind or the other.
  const lexiconValid = ['session', 'getSession'].some(
    (k) => sessionViolations(k as 'session', c.value).length === 0,
  );
  arb.assertThat(lexiconValid, 'a lexicon-valid session');
  return coherenceViolations(c.value);
}

describe('byRule registry', () => {
  // HTTP rules judge exchanges with a live server, not generated values.
  const VALUE_RULES = RULES.filter((r) => r.area !== 'http');

  it('should have an entry for every value rule of the catalogue, and only those', () => {
    expect(VALUE_RULES.length).toBeGreaterThan(70);
    expect(Object.keys(RULE_ARBITRARIES).sort()).toEqual(VALUE_RULES.map((r) => r.id).sort());
  });

  it('should throw for HTTP rules, which no generated value can test', () => {
    const http = RULES.find((r) => r.area === 'http');
    if (http !== undefined) expect(() => caseArbitrary(http.id)).toThrow(RangeError);
    expect(RULES.filter((r) => r.area === 'http').every((r) => !(r.id in RULE_ARBITRARIES))).toBe(
      true,
    );
  });

  it('should have an invalid generator for every reject rule of a validator kind', () => {
    const covered = new Set<string>([
      ...HANDLE_REJECT_RULES,
      ...DID_REJECT_RULES,
      ...sessionRejectRules('session'),
      ...sessionRejectRules('getSession'),
    ]);
    const missing = RULES.filter(
      (r) => r.polarity === 'reject' && !r.kinds.includes('live') && !covered.has(r.id),
    ).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('should have a generator for every live rule', () => {
    const covered = new Set<string>([
      ...coherenceRules('session'),
      ...coherenceRules('getSession'),
      ...RULES.filter((r) => r.area === 'did-policy').map((r) => r.id),
    ]);
    const missing = VALUE_RULES.filter((r) => r.kinds.includes('live') && !covered.has(r.id));
    expect(missing.map((r) => r.id)).toEqual([]);
  });

  it('should throw for a rule it does not know', () => {
    expect(() => caseArbitrary('no.such.rule' as RuleId)).toThrow(RangeError);
  });

  it.each(VALUE_RULES.map((r) => [r.id, r] as const))(
    'should give %s cases the oracle agrees with, also when shrunk',
    (id, rule) => {
      const kinds = new Set<string>();
      arb.assertProduceCorrectValues(
        caseArbitrary(id),
        (c) => {
          kinds.add(c.kind);
          arb.assertThat(rule.kinds.includes(c.kind), `a case of kind ${rule.kinds.join('|')}`);
          arb.assertPlainJson(c.value);
          if (rule.polarity === 'accept') {
            arb.assertThat(c.valid, 'a valid case');
            arb.assertSameJson(c.violates, [], 'label');
          } else {
            arb.assertThat(!c.valid && c.violates.includes(id), `an invalid case breaking ${id}`);
          }
          arb.assertSameJson(oracleViolations(c), c.violates, 'oracle');
        },
        { numRuns: 20, maxShrinkSteps: 4 },
      );
      // Rules of several kinds get cases of each kind.
      expect([...kinds].sort()).toEqual([...rule.kinds].sort());
    },
  );
});
