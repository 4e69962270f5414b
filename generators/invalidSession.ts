import type fc from 'fast-check';
import { SESSION_RULES, type SessionRuleId } from '../src/spec/rules/index.js';
import type { SessionKind } from '../src/spec/session.js';
import { invalidSessionCase, type SessionRejectRuleId } from './_internals/invalidSessionCases.js';
import type { Labelled } from './_internals/types.js';
import { unionOf } from './_internals/union.js';

export type { SessionRejectRuleId };

/** @public */
export interface InvalidSessionConstraints {
  readonly kind: SessionKind;
  /** Only values that break this rule (default: a union over every rule of the kind). */
  readonly rule?: SessionRejectRuleId;
}

/** The session rules a validator must enforce for a kind, in catalogue order. @public */
export function sessionRejectRules(kind: SessionKind): readonly SessionRejectRuleId[] {
  return SESSION_RULES.flatMap((r) =>
    r.polarity === 'reject' && (r.kinds as readonly string[]).includes(kind) ? [r.id] : [],
  );
}

/**
 * Invalid session objects, single-rule mutations of valid ones, each labelled with exactly the
 * rules it breaks: a non-object top level (an array of the field values in order among them), a
 * required field missing (sometimes with a case-variant or snake_case twin present), `null` or a
 * wrong type per field, an invalid handle or DID, a lone surrogate in a string, a didDoc that is
 * not an object, shaped as a compound type, or holding a float, a bad `$type`, `$bytes`, `$link`,
 * blob or lone surrogate at some depth.
 *
 * @remarks lexicons com.atproto.server.createSession / getSession (output)
 * @public
 */
export function invalidSession(
  constraints: InvalidSessionConstraints,
): fc.Arbitrary<Labelled<SessionRuleId>> {
  const { kind, rule } = constraints;
  const rules = sessionRejectRules(kind);
  if (rule === undefined)
    return unionOf(Object.fromEntries(rules.map((r) => [r, invalidSessionCase(kind, r)])));
  if (!rules.includes(rule))
    throw new RangeError(`invalidSession(): ${rule} does not apply to ${kind}`);
  return invalidSessionCase(kind, rule);
}
