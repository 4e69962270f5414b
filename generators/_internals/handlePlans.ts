import fc from 'fast-check';
import { MAX_LABEL_LENGTH } from '../../src/spec/handle.js';
import { charOf, LOWER } from './chars.js';
import { applyCase, assembleHandle, caseArbitrary, type HandlePlan } from './handleAssembly.js';
import {
  digitLabel,
  disallowedTld,
  edgeLabel,
  edgeTld,
  innerHyphenLabel,
  innerHyphenTld,
  ldhLabel,
  punycodeLabel,
} from './handleLabels.js';

/*
 * Plans for each class of valid handle. The label that makes the class comes first (or is the
 * TLD), so the 253-character budget never cuts it, and it survives shrinking.
 */

function plan(
  labels: fc.Arbitrary<readonly string[]>,
  tld: fc.Arbitrary<string>,
): fc.Arbitrary<HandlePlan> {
  return fc.record({ labels, tld }, { noNullPrototype: true });
}

function featured(
  first: fc.Arbitrary<string>,
  more = fc.array(edgeLabel, { maxLength: 2 }),
): fc.Arbitrary<string[]> {
  return fc.tuple(first, more).map(([a, rest]) => [a, ...rest]);
}

/** @internal Any mix of edge-biased labels. */
export const plainPlan: fc.Arbitrary<HandlePlan> = plan(
  fc.array(edgeLabel, { minLength: 1, maxLength: 4 }),
  edgeTld,
);

/**
 * A 63-character label, a 1-character label, then three or four 63-character fillers: always
 * more than the budget, so the handle is 252 or 253 characters long.
 * @internal
 */
export const lengthLimitsPlan: fc.Arbitrary<HandlePlan> = plan(
  featured(
    ldhLabel(MAX_LABEL_LENGTH, MAX_LABEL_LENGTH),
    fc
      .tuple(
        ldhLabel(1, 1),
        fc.array(ldhLabel(MAX_LABEL_LENGTH, MAX_LABEL_LENGTH), { minLength: 3, maxLength: 4 }),
      )
      .map(([one, fillers]) => [one, ...fillers]),
  ),
  edgeTld,
);

/** @internal */
export const oneCharTldPlan: fc.Arbitrary<HandlePlan> = plan(
  fc.array(edgeLabel, { minLength: 1, maxLength: 3 }),
  charOf(LOWER),
);

/** @internal */
export const numericLabelPlan: fc.Arbitrary<HandlePlan> = plan(featured(digitLabel), edgeTld);

/** @internal */
export const innerHyphensPlan: fc.Arbitrary<HandlePlan> = fc.oneof(
  plan(featured(innerHyphenLabel), edgeTld),
  plan(fc.array(edgeLabel, { minLength: 1, maxLength: 2 }), innerHyphenTld),
);

/** @internal */
export const punycodePlan: fc.Arbitrary<HandlePlan> = fc.oneof(
  plan(featured(punycodeLabel), edgeTld),
  plan(
    fc.array(edgeLabel, { minLength: 1, maxLength: 2 }),
    fc.constantFrom('xn--p1ai', 'xn--fiqs8s', 'xn--q9jyb4c'),
  ),
);

/** @internal */
export const disallowedTldPlan: fc.Arbitrary<HandlePlan> = plan(
  fc.array(edgeLabel, { minLength: 1, maxLength: 3 }),
  disallowedTld,
);

/**
 * Short lowercase handles (at most 3 labels of at most 20 characters and a TLD of at most 20):
 * room to add characters without reaching any length limit. Used as the base of mutations.
 * @internal
 */
export const shortHandle: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { arbitrary: ldhLabel(1, 20), weight: 4 },
        digitLabel.map((d) => d.slice(0, 20)),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fc.oneof(
      fc.constantFrom('com', 'test', 'social', 't'),
      ldhLabel(0, 19).map((rest) => `t${rest}`),
    ),
    caseArbitrary(['lower', 'lower', 'upper', 'mixed']),
  )
  .map(([labels, tld, [mode, mask]]) => applyCase(assembleHandle({ labels, tld }), mode, mask));

/** @internal Short lowercase hostnames (for did:web and service endpoints). */
export const hostname: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(ldhLabel(1, 12), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('com', 'social', 'test', 'net', 'example', 'dev'),
  )
  .map(([labels, tld]) => assembleHandle({ labels, tld }));
