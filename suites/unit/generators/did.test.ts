import fc from 'fast-check';
import { DID_TRAITS, type DidTrait, did } from '../../../generators/_internals/did.js';
import { DID_REJECT_RULES, invalidDid } from '../../../generators/invalidDid.js';
import { invalidDidPolicy } from '../../../generators/invalidDidPolicy.js';
import {
  DID_POLICY_RULES,
  didPolicyViolations,
  didViolations,
  MAX_DID_LENGTH,
} from '../../../src/spec/index.js';
import {
  assertLabelledUnion,
  assertPlainJson,
  assertProduceCorrectValues,
  assertSameJson,
  assertThat,
  countWhere,
  itKeepsTraitsInClass,
} from '../../_helpers/arbitraryAssertions.js';

const identifierOf = (d: string): string => d.slice(d.indexOf(':', 4) + 1);
const methodOf = (d: string): string => d.split(':')[1] ?? '';

/**
 * A `%` not followed by two hex digits, other than as the last character (a trailing `%` is
 * the `did.end.no-percent` rule itself). Validators may accept or reject such a `%`, so the
 * generators must never produce one.
 */
const hasAmbiguousPercent = (s: string): boolean => /%(?![0-9a-fA-F]{2})./.test(s);

/** Each trait's class, written from the rule summaries. */
const IN_CLASS: Readonly<Record<DidTrait, (d: string) => boolean>> = {
  plc: (d) => /^did:plc:[a-z2-7]{24}$/.test(d),
  web: (d) => d.startsWith('did:web:') && !/[:%]/.test(d.slice(8)),
  'any-method': (d) => !['plc', 'web'].includes(methodOf(d)),
  colons: (d) => identifierOf(d).includes(':'),
  'percent-encoding': (d) => /%[0-9a-fA-F]{2}/.test(identifierOf(d)),
  'case-sensitive-identifier': (d) => /[A-Z]/.test(identifierOf(d)),
  'length-limit': (d) => d.length > 2000 && d.length <= MAX_DID_LENGTH,
  'plc-any-length': (d) => d.startsWith('did:plc:') && !/^did:plc:[a-z2-7]{24}$/.test(d),
  'web-localhost-port': (d) => /^did:web:localhost%3[aA][0-9]+$/.test(d),
};

describe('did()', () => {
  it('should only produce valid DIDs, also when shrunk', () => {
    assertProduceCorrectValues(
      did(),
      (d) => {
        assertSameJson(didViolations(d), []);
        assertThat(!hasAmbiguousPercent(d), 'every % followed by two hex digits');
      },
      { numRuns: 100 },
    );
  });

  itKeepsTraitsInClass(DID_TRAITS, did, didViolations, IN_CLASS, (d) =>
    assertThat(!hasAmbiguousPercent(d), 'every % followed by two hex digits'),
  );

  it('should keep the blessed methods within their policy', () => {
    const blessed = fc.oneof(
      did({ trait: 'plc' }),
      did({ trait: 'web' }),
      did({ trait: 'web-localhost-port' }),
      did({ trait: 'any-method' }),
    );
    for (const d of fc.sample(blessed, { seed: 5, numRuns: 300 })) {
      expect(didPolicyViolations(d)).toEqual([]);
    }
  });

  it('should reach every edge case within 1,000 samples', () => {
    const values = fc.sample(did(), { seed: 7, numRuns: 1000 });
    const seen = {
      plc: countWhere(values, IN_CLASS.plc),
      web: countWhere(values, IN_CLASS.web),
      webPort: countWhere(values, IN_CLASS['web-localhost-port']),
      longerThan2000: countWhere(values, (d) => d.length > 2000),
      exactly2048: countWhere(values, (d) => d.length === MAX_DID_LENGTH),
      percent: countWhere(values, IN_CLASS['percent-encoding']),
      lowerHexPercent: countWhere(values, (d) => /%[0-9][a-f]|%[a-f]/.test(d)),
      doubleColon: countWhere(values, (d) => identifierOf(d).includes('::')),
      fourColons: countWhere(values, (d) => identifierOf(d).includes('::::')),
      upper: countWhere(values, IN_CLASS['case-sensitive-identifier']),
      otherMethod: countWhere(values, IN_CLASS['any-method']),
      plcWrongLength: countWhere(values, IN_CLASS['plc-any-length']),
    };
    for (const [edge, count] of Object.entries(seen)) {
      expect([edge, count > 0]).toEqual([edge, true]);
    }
  });
});

describe('invalidDid()', () => {
  it.each(DID_REJECT_RULES)('should break %s with exactly its label, also when shrunk', (rule) => {
    assertProduceCorrectValues(
      invalidDid({ rule }),
      (v) => {
        assertThat(v.violates.includes(rule), `a label with ${rule}`);
        assertSameJson(didViolations(v.value), v.violates, 'didViolations');
        assertPlainJson(v.value);
        if (typeof v.value === 'string') {
          assertThat(!hasAmbiguousPercent(v.value), 'every inner % followed by two hex digits');
        }
      },
      { numRuns: 30, maxShrinkSteps: 10 },
    );
  });

  it('should label the union exactly and cover every rule', () => {
    assertLabelledUnion(invalidDid(), didViolations, DID_REJECT_RULES);
  });
});

describe('invalidDidPolicy()', () => {
  it.each(DID_POLICY_RULES.map((r) => r.id))(
    'should break %s with exactly its label, also when shrunk',
    (rule) => {
      assertProduceCorrectValues(
        invalidDidPolicy({ rule }),
        (v) => {
          assertThat(typeof v.value === 'string', 'a string');
          const d = v.value as string;
          // Policy values are syntactically valid DIDs: only live checks judge them.
          assertSameJson(didViolations(d), []);
          assertSameJson(didPolicyViolations(d), v.violates, 'didPolicyViolations');
          assertThat(v.violates.includes(rule), `a label with ${rule}`);
        },
        { numRuns: 30, maxShrinkSteps: 10 },
      );
    },
  );
});
