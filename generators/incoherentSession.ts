import fc from 'fast-check';
import { COHERENCE_RULES, type CoherenceRuleId } from '../src/spec/rules/index.js';
import type { SessionKind } from '../src/spec/session.js';
import { INCOHERENT_SESSION_CASES } from './_internals/incoherentSessionCases.js';
import type { Labelled } from './_internals/types.js';

/** @public */
export interface IncoherentSessionConstraints {
  /** Default `session`; token rules do not apply to `getSession` (it has no tokens). */
  readonly kind?: SessionKind;
  /** Only sessions that break this rule (default: a union over every rule of the kind). */
  readonly rule?: CoherenceRuleId;
}

/** The coherence rules that apply to a kind, in catalogue order. @public */
export function coherenceRules(kind: SessionKind): readonly CoherenceRuleId[] {
  const table = INCOHERENT_SESSION_CASES[kind];
  return COHERENCE_RULES.flatMap((r) => (r.id in table ? [r.id] : []));
}

/**
 * Lexicon-valid sessions that are not coherent with themselves, each breaking exactly one
 * coherence rule (labelled with it): tokens that are not JWTs, a wrong `typ`, `sub` not the DID,
 * `aud` not a DID, `exp` not after `iat`, no string `scope`, a didDoc for another DID or not
 * claiming the handle, an upper-case handle, an inactive status with `active: true`.
 *
 * @remarks https://atproto.com/specs/xrpc ("Authentication"), https://atproto.com/specs/did
 * @public
 */
export function incoherentSession(
  constraints: IncoherentSessionConstraints = {},
): fc.Arbitrary<Labelled<CoherenceRuleId>> {
  const { kind = 'session', rule } = constraints;
  const table = INCOHERENT_SESSION_CASES[kind];
  if (rule === undefined) return fc.oneof(...Object.values(table));
  const arb = table[rule];
  if (arb === undefined)
    throw new RangeError(`incoherentSession(): ${rule} does not apply to ${kind}`);
  return arb;
}
