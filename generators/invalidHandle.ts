import type fc from 'fast-check';
import type { HandleRuleId } from '../src/spec/rules/index.js';
import { type HandleRejectRuleId, INVALID_HANDLE_CASES } from './_internals/invalidHandleCases.js';
import type { Labelled } from './_internals/types.js';
import { casesOf, tableRules } from './_internals/union.js';

export type { HandleRejectRuleId };

/** @public */
export interface InvalidHandleConstraints {
  /** Only values that break this rule (default: a union over every handle rule). */
  readonly rule?: HandleRejectRuleId;
}

/** The handle rules a validator must enforce, in catalogue order. @public */
export const HANDLE_REJECT_RULES: readonly HandleRejectRuleId[] = tableRules(INVALID_HANDLE_CASES);

/**
 * Invalid handles, each labelled with exactly the rules it breaks: non-strings, disallowed and
 * non-ASCII characters, whitespace and control characters (leading, trailing `\n`, NUL, zero-width
 * joiner), 254+ character handles of valid labels, single labels, empty labels, trailing periods,
 * 64+ character labels, hyphens at label edges, TLDs starting with a digit (IPv4 addresses).
 *
 * @remarks https://atproto.com/specs/handle ("Handle Identifier Syntax")
 * @public
 */
export function invalidHandle(
  constraints: InvalidHandleConstraints = {},
): fc.Arbitrary<Labelled<HandleRuleId>> {
  return casesOf(INVALID_HANDLE_CASES, constraints.rule);
}
