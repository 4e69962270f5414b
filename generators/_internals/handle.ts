import fc from 'fast-check';
import { INVALID_HANDLE } from '../../src/spec/handle.js';
import {
  applyCase,
  assembleHandle,
  type CaseMode,
  caseArbitrary,
  type HandlePlan,
} from './handleAssembly.js';
import {
  disallowedTldPlan,
  innerHyphensPlan,
  lengthLimitsPlan,
  numericLabelPlan,
  oneCharTldPlan,
  plainPlan,
  punycodePlan,
} from './handlePlans.js';

/**
 * A class of valid handles that over-strict validators tend to reject; each matches one
 * `handle.accept.*` rule.
 * @public
 */
export type HandleTrait =
  | 'upper-case'
  | 'length-limits'
  | 'one-char-tld'
  | 'numeric-label'
  | 'inner-hyphens'
  | 'punycode'
  | 'disallowed-tld'
  | 'handle-invalid';

/** @public */
export const HANDLE_TRAITS: readonly HandleTrait[] = [
  'upper-case',
  'length-limits',
  'one-char-tld',
  'numeric-label',
  'inner-hyphens',
  'punycode',
  'disallowed-tld',
  'handle-invalid',
];

/** @public */
export interface HandleConstraints {
  /** Only handles of this class (default: any valid handle, biased to the edge cases). */
  readonly trait?: HandleTrait;
  /** Only normalized (lowercase) handles, as a server should return them. */
  readonly lowercase?: boolean;
}

const PLANS: Readonly<
  Record<Exclude<HandleTrait, 'upper-case' | 'handle-invalid'>, fc.Arbitrary<HandlePlan>>
> = {
  'length-limits': lengthLimitsPlan,
  'one-char-tld': oneCharTldPlan,
  'numeric-label': numericLabelPlan,
  'inner-hyphens': innerHyphensPlan,
  punycode: punycodePlan,
  'disallowed-tld': disallowedTldPlan,
};

function cased(plan: fc.Arbitrary<HandlePlan>, modes: readonly CaseMode[]): fc.Arbitrary<string> {
  return fc
    .tuple(plan, caseArbitrary(modes))
    .map(([p, [mode, mask]]) => applyCase(assembleHandle(p), mode, mask));
}

/**
 * Valid handles, built valid (never filtered): up to 253 characters in all, labels of 1 to 63
 * LDH characters, a TLD that starts with a letter. Biased to the edges: totals near 253, labels of
 * exactly 1 and 63 characters, upper and mixed case, `xn--` labels, all-digit labels, inner
 * hyphens, one-character TLDs, the disallowed TLDs and `handle.invalid`.
 *
 * @remarks https://atproto.com/specs/handle ("Handle Identifier Syntax")
 * @public
 */
export function handle(constraints: HandleConstraints = {}): fc.Arbitrary<string> {
  const { trait, lowercase = false } = constraints;
  if (trait === 'upper-case' && lowercase) {
    throw new RangeError('handle(): the upper-case trait cannot be lowercase');
  }
  const modes: readonly CaseMode[] = lowercase ? ['lower'] : ['lower', 'lower', 'upper', 'mixed'];
  if (trait === 'handle-invalid') return fc.constant(INVALID_HANDLE);
  if (trait === 'upper-case') return cased(plainPlan, ['upper', 'mixed']);
  if (trait !== undefined) return cased(PLANS[trait], modes);
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: cased(plainPlan, modes), weight: 4 },
    ...Object.values(PLANS).map((p) => cased(p, modes)),
    ...(lowercase ? [] : [cased(plainPlan, ['upper', 'mixed'])]),
    fc.constant(INVALID_HANDLE),
  );
}
