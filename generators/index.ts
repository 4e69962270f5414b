/*
 * fast-check generators for the AT Protocol session object and its identifiers. Valid values are
 * valid by construction; invalid ones carry the IDs of the rules they break.
 */

export { DID_TRAITS, type DidConstraints, type DidTrait, did } from './_internals/did.js';
export { email } from './_internals/email.js';
export {
  HANDLE_TRAITS,
  type HandleConstraints,
  type HandleTrait,
  handle,
} from './_internals/handle.js';
export { opaqueToken } from './_internals/opaqueToken.js';
export {
  KNOWN_STATUSES,
  OTHER_ACCOUNT_STATUSES,
  type StatusConstraints,
  status,
} from './_internals/status.js';
export { token } from './_internals/token.js';
export type { JsonObject, JsonValue, Labelled } from './_internals/types.js';
export { accessToken, type TokenConstraints } from './accessToken.js';
export { type Case, caseArbitrary, isValidatorCase, RULE_ARBITRARIES } from './byRule.js';
export { type DidDocConstraints, didDoc } from './didDoc.js';
export {
  coherenceRules,
  type IncoherentSessionConstraints,
  incoherentSession,
} from './incoherentSession.js';
export {
  DID_REJECT_RULES,
  type DidRejectRuleId,
  type InvalidDidConstraints,
  invalidDid,
} from './invalidDid.js';
export { type InvalidDidPolicyConstraints, invalidDidPolicy } from './invalidDidPolicy.js';
export {
  HANDLE_REJECT_RULES,
  type HandleRejectRuleId,
  type InvalidHandleConstraints,
  invalidHandle,
} from './invalidHandle.js';
export {
  type InvalidSessionConstraints,
  invalidSession,
  type SessionRejectRuleId,
  sessionRejectRules,
} from './invalidSession.js';
export { refreshToken } from './refreshToken.js';
export {
  type SessionConstraints,
  type SessionKind,
  type SessionTrait,
  session,
} from './session.js';
export {
  type CreateSessionMutation,
  type InvalidCreateSessionConstraints,
  type InvalidCreateSessionRequest,
  invalidCreateSessionRequest,
} from './xrpc/index.js';
