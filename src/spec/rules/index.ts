import { COHERENCE_RULES } from './coherence.js';
import { DID_POLICY_RULES, DID_RULES } from './did.js';
import { HANDLE_RULES } from './handle.js';
import { HTTP_RULES } from './http.js';
import { SESSION_RULES } from './session.js';
import type { Kind, Rule } from './types.js';

export { MUST_ACCEPT_DEPTH } from './session-did-doc.js';
export * from './types.js';
export { COHERENCE_RULES, DID_POLICY_RULES, DID_RULES, HANDLE_RULES, HTTP_RULES, SESSION_RULES };

type IdOf<T extends readonly { id: string }[]> = T[number]['id'];

export type HandleRuleId = IdOf<typeof HANDLE_RULES>;
export type DidRuleId = IdOf<typeof DID_RULES>;
export type DidPolicyRuleId = IdOf<typeof DID_POLICY_RULES>;
export type SessionRuleId = IdOf<typeof SESSION_RULES>;
export type CoherenceRuleId = IdOf<typeof COHERENCE_RULES>;
export type HttpRuleId = IdOf<typeof HTTP_RULES>;

/** Every rule of the catalogue, in report order. */
const ALL = [
  ...HANDLE_RULES,
  ...DID_RULES,
  ...SESSION_RULES,
  ...DID_POLICY_RULES,
  ...COHERENCE_RULES,
  ...HTTP_RULES,
] as const;

export type RuleId = (typeof ALL)[number]['id'];

/** The reject rules of a table, in catalogue order: the order an oracle reports violations in. */
export function rejectIds<R extends Rule>(rules: readonly R[]): R['id'][] {
  return rules.filter((r) => r.polarity === 'reject').map((r) => r.id);
}

/** The IDs of `found`, in the order of `order` (the catalogue's): how violations are reported. */
export function inOrder<Id extends string>(order: readonly Id[], found: ReadonlySet<Id>): Id[] {
  return found.size === 0 ? [] : order.filter((id) => found.has(id));
}

/** The coherence rules about tokens (they need the token fields of kind `session`). */
export const COHERENCE_TOKEN_RULES: readonly CoherenceRuleId[] = COHERENCE_RULES.filter((r) =>
  r.id.startsWith('coherence.token.'),
).map((r) => r.id);

export const RULES: readonly Rule<RuleId>[] = ALL;

const BY_ID: ReadonlyMap<string, Rule<RuleId>> = new Map(RULES.map((r) => [r.id, r]));

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}

export function getRule(id: RuleId): Rule<RuleId> {
  const rule = BY_ID.get(id);
  if (rule === undefined) throw new Error(`unknown rule id: ${id}`);
  return rule;
}

export function rulesForKind(kind: Kind): readonly Rule<RuleId>[] {
  return RULES.filter((r) => r.kinds.includes(kind));
}
