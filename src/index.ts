/**
 * atproto-session-conformance: certify validators of the AT Protocol session object
 * (createSession / refreshSession / getSession output) against a catalogue of spec rules.
 *
 * The core: {@link runConformance}, the rule catalogue, the reference oracle's predicates, and
 * the report writers. The rest has its own entry point: `/oracle` (the whole oracle and its
 * constants), `/generators`, `/jest`, `/zod`, `/vectors`, `/baseline` and `/live`.
 *
 * @packageDocumentation
 */

export { BUILTIN_ADAPTERS, type BuiltinAdapter } from './adapters/index.js';
/* Certifying: the facade, and the targets it runs. */
export {
  type ConformanceOptions,
  runConformance,
} from './api/certify.js';
export { moduleSpec, type TargetInput } from './api/start.js';
export {
  type Target,
  type TargetInfo,
  TargetStartError,
  type ValidateResult,
  type ValidationRequest,
  type Validator,
  type Verdict,
} from './contract/validator.js';
export type { Baseline, BaselineEntry } from './report/baseline.js';
/* The report model and its writers. */
export {
  type Counterexample,
  type Exchange,
  isConformant,
  type Report,
  type RuleInfo,
  type RuleResult,
  type Status,
  type Summary,
  type TargetReport,
} from './report/model.js';
export { replayCommand } from './report/replay.js';
export {
  type Format,
  FormatError,
  parseFormats,
  type WriteOptions,
  writeReports,
} from './report/write.js';
export type { ProgressEvent } from './runner/options.js';
/* The reference oracle: depends on no validator library. */
export {
  type DidString,
  ensureValidDid,
  InvalidDidError,
  isValidDid,
} from './spec/did.js';
export {
  ensureValidHandle,
  type HandleString,
  InvalidHandleError,
  isValidHandle,
} from './spec/handle.js';
export { check, type OracleVerdict } from './spec/oracle.js';
/* The rule catalogue. */
export {
  type Area,
  type CoherenceRuleId,
  type DidPolicyRuleId,
  type DidRuleId,
  getRule,
  type HandleRuleId,
  type HttpRuleId,
  isRuleId,
  type Kind,
  type Level,
  type Polarity,
  RULES,
  type Rule,
  type RuleId,
  rulesForKind,
  type SessionRuleId,
  type Source,
  VALIDATOR_KINDS,
  type ValidatorKind,
} from './spec/rules/index.js';
export {
  ensureValidSession,
  InvalidSessionError,
  isValidSession,
  type SessionKind,
} from './spec/session.js';
export { type CmdTargetOptions, createTarget } from './targets/index.js';
