import type fc from 'fast-check';
import type { DidRuleId } from '../src/spec/rules/index.js';
import { type DidRejectRuleId, INVALID_DID_CASES } from './_internals/invalidDidCases.js';
import type { Labelled } from './_internals/types.js';
import { casesOf, tableRules } from './_internals/union.js';

export type { DidRejectRuleId };

/** @public */
export interface InvalidDidConstraints {
  /** Only values that break this rule (default: a union over every DID rule). */
  readonly rule?: DidRejectRuleId;
}

/** The DID rules a validator must enforce, in catalogue order. @public */
export const DID_REJECT_RULES: readonly DidRejectRuleId[] = tableRules(INVALID_DID_CASES);

/**
 * Invalid DIDs, each labelled with exactly the rules it breaks: non-strings, a wrong `did:`
 * prefix, upper-case or digit methods, no identifier, disallowed characters (whitespace,
 * punctuation, non-ASCII), query/fragment/path characters, a trailing `:` or `%`, more than 2048
 * characters.
 *
 * @remarks https://atproto.com/specs/did ("DID Identifier Syntax")
 * @public
 */
export function invalidDid(
  constraints: InvalidDidConstraints = {},
): fc.Arbitrary<Labelled<DidRuleId>> {
  return casesOf(INVALID_DID_CASES, constraints.rule);
}
