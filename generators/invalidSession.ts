import fc from 'fast-check';
import { SESSION_RULES, type SessionRuleId } from '../src/spec/rules/index.js';
import type { SessionKind } from '../src/spec/session.js';
import {
  INVALID_SESSION_CASES,
  type SessionRejectRuleId,
} from './_internals/invalidSessionCases.js';
import type { Labelled } from './_internals/types.js';

export type { SessionRejectRuleId };

/** @public */
export interface InvalidSessionConstraints {
  readonly kind: SessionKind;
  /** Only values that break this rule (default: a union over every rule of the kind). */
  readonly rule?: SessionRejectRuleId;
}

/** The session rules a validator must enforce for a kind, in catalogue order. @public */
export function sessionRejectRules(kind: SessionKind): readonly SessionRejectRuleId[] {
  const table = INVALID_SESSION_CASES[kind];
  return SESSION_RULES.flatMap((r) => (r.id in table ? [r.id as SessionRejectRuleId] : []));
}

/**
 * Invalid session objects, single-rule mutations of valid ones, each labelled with exactly the
 * rules it breaks: a non-object top level, a required field missing, `null` or a wrong type per
 * field, an invalid handle or DID, a didDoc that is an array or a primitive or holds a float at
 * some depth.
 *
 * @remarks lexicons com.atproto.server.createSession / getSession (output)
 * @public
 */
export function invalidSession(
  constraints: InvalidSessionConstraints,
): fc.Arbitrary<Labelled<SessionRuleId>> {
  const { kind, rule } = constraints;
  const table = INVALID_SESSION_CASES[kind];
  if (rule === undefined) return fc.oneof(...Object.values(table));
  const arb = table[rule];
  if (arb === undefined)
    throw new RangeError(`invalidSession(): ${rule} does not apply to ${kind}`);
  return arb;
}
