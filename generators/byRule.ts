import fc from 'fast-check';
import {
  type CoherenceRuleId,
  type DID_RULES,
  type DidPolicyRuleId,
  type HANDLE_RULES,
  type Kind,
  RULES,
  type Rule,
  type RuleId,
  type SESSION_RULES,
  type ValidatorKind,
} from '../src/spec/rules/index.js';
import type { SessionKind } from '../src/spec/session.js';
import { did } from './_internals/did.js';
import { handle } from './_internals/handle.js';
import type { JsonValue, Labelled } from './_internals/types.js';
import { coherenceRules, incoherentSession } from './incoherentSession.js';
import { type DidRejectRuleId, invalidDid } from './invalidDid.js';
import { invalidDidPolicy } from './invalidDidPolicy.js';
import { type HandleRejectRuleId, invalidHandle } from './invalidHandle.js';
import { invalidSession, type SessionRejectRuleId } from './invalidSession.js';
import { session } from './session.js';

export type { JsonValue };

/**
 * One generated case for a rule. Valid cases (`valid: true`, `violates: []`) must be accepted;
 * invalid ones break the rules in `violates` (exactly what the reference oracle reports). For
 * `live` rules the value is a session object (coherence) or a DID (method policy).
 * @public
 */
export interface Case {
  kind: Kind;
  value: JsonValue;
  valid: boolean;
  violates: RuleId[];
}

type AcceptId<T extends readonly { id: string; polarity: string }[]> = Extract<
  T[number],
  { polarity: 'accept' }
>['id'];

const HANDLE_ACCEPT: Readonly<Record<AcceptId<typeof HANDLE_RULES>, fc.Arbitrary<string>>> = {
  'handle.accept.syntax': handle(),
  'handle.accept.case-insensitive': handle({ trait: 'upper-case' }),
  'handle.accept.length-limits': handle({ trait: 'length-limits' }),
  'handle.accept.one-char-tld': handle({ trait: 'one-char-tld' }),
  'handle.accept.numeric-label': handle({ trait: 'numeric-label' }),
  'handle.accept.inner-hyphens': handle({ trait: 'inner-hyphens' }),
  'handle.accept.punycode': handle({ trait: 'punycode' }),
  'handle.accept.disallowed-tld': handle({ trait: 'disallowed-tld' }),
  'handle.accept.handle-invalid': handle({ trait: 'handle-invalid' }),
};

const DID_ACCEPT: Readonly<Record<AcceptId<typeof DID_RULES>, fc.Arbitrary<string>>> = {
  'did.accept.syntax': did(),
  'did.accept.any-method': did({ trait: 'any-method' }),
  'did.accept.colons': did({ trait: 'colons' }),
  'did.accept.percent-encoding': did({ trait: 'percent-encoding' }),
  'did.accept.case-sensitive-identifier': did({ trait: 'case-sensitive-identifier' }),
  'did.accept.length-limit': did({ trait: 'length-limit' }),
  'did.accept.plc-any-length': did({ trait: 'plc-any-length' }),
  'did.accept.web-localhost-port': did({ trait: 'web-localhost-port' }),
};

const SESSION_ACCEPT: Readonly<
  Record<AcceptId<typeof SESSION_RULES>, (kind: SessionKind) => fc.Arbitrary<JsonValue>>
> = {
  'session.accept.valid': (kind) => session({ kind }),
  'session.accept.unknown-fields': (kind) => session({ kind, trait: 'unknown-fields' }),
  'session.accept.open-status': (kind) => session({ kind, trait: 'open-status' }),
  'session.accept.email-any-string': (kind) => session({ kind, trait: 'email-any-string' }),
  'session.accept.opaque-tokens': (kind) => session({ kind, trait: 'opaque-tokens' }),
  'session.accept.did-doc-any-object': (kind) => session({ kind, trait: 'did-doc-any-object' }),
  'session.accept.get-session-no-tokens': (kind) => session({ kind, trait: 'no-tokens' }),
};

function validCase(kind: Kind): (value: JsonValue) => Case {
  return (value) => ({ kind, value, valid: true, violates: [] });
}

function invalidCase(kind: Kind): (l: Labelled) => Case {
  return (l) => ({ kind, value: l.value, valid: false, violates: [...l.violates] });
}

function sessionKinds(rule: Rule<RuleId>): SessionKind[] {
  return rule.kinds.filter((k): k is SessionKind => k === 'session' || k === 'getSession');
}

function sessionCases(rule: Rule<RuleId>): fc.Arbitrary<Case> {
  const perKind = sessionKinds(rule).map((kind) =>
    rule.polarity === 'accept'
      ? SESSION_ACCEPT[rule.id as AcceptId<typeof SESSION_RULES>](kind).map(validCase(kind))
      : invalidSession({ kind, rule: rule.id as SessionRejectRuleId }).map(invalidCase(kind)),
  );
  return fc.oneof(...perKind);
}

function coherenceCases(id: CoherenceRuleId): fc.Arbitrary<Case> {
  // Token rules need the token fields of kind `session`; the others use both kinds.
  const kinds = (['session', 'getSession'] as const).filter((k) => coherenceRules(k).includes(id));
  return fc.oneof(
    ...kinds.map((kind) => incoherentSession({ kind, rule: id }).map(invalidCase('live'))),
  );
}

/** The cases of one rule, or undefined when no generator covers its area (HTTP checks). */
function casesFor(rule: Rule<RuleId>): fc.Arbitrary<Case> | undefined {
  const id = rule.id;
  const accept = rule.polarity === 'accept';
  switch (rule.area) {
    case 'handle':
      return accept
        ? HANDLE_ACCEPT[id as AcceptId<typeof HANDLE_RULES>].map(validCase('handle'))
        : invalidHandle({ rule: id as HandleRejectRuleId }).map(invalidCase('handle'));
    case 'did':
      return accept
        ? DID_ACCEPT[id as AcceptId<typeof DID_RULES>].map(validCase('did'))
        : invalidDid({ rule: id as DidRejectRuleId }).map(invalidCase('did'));
    case 'session':
      return sessionCases(rule);
    case 'did-policy':
      return invalidDidPolicy({ rule: id as DidPolicyRuleId }).map(invalidCase('live'));
    case 'coherence':
      return coherenceCases(id as CoherenceRuleId);
    default:
      return undefined;
  }
}

/**
 * The registry the runner uses: for every rule of the catalogue, an arbitrary of labelled cases.
 * Reject rules give values that break the rule; accept rules give valid values of exactly the
 * class the rule describes; rules of several kinds give cases of each kind.
 * @public
 */
export const RULE_ARBITRARIES: Readonly<Partial<Record<RuleId, fc.Arbitrary<Case>>>> =
  Object.fromEntries(
    RULES.flatMap((rule) => {
      const arb = casesFor(rule);
      return arb === undefined ? [] : [[rule.id, arb]];
    }),
  );

/** The arbitrary of cases for one rule. @public */
export function caseArbitrary(ruleId: RuleId): fc.Arbitrary<Case> {
  const arb = RULE_ARBITRARIES[ruleId];
  if (arb === undefined) throw new RangeError(`no generator for rule ${ruleId}`);
  return arb;
}

/** The kinds a validator target can be asked about, among those of a case. @public */
export function isValidatorCase(c: Case): c is Case & { kind: ValidatorKind } {
  return c.kind !== 'live';
}
