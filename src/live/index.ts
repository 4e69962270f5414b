export { Budget, BudgetSpentError } from './budget.js';
export {
  InterruptedError,
  RateLimitedError,
  retryDelayMs,
  TransportError,
  XrpcClient,
} from './client.js';
export { toCurl } from './curl.js';
export {
  type LocalPds,
  type LocalPdsOptions,
  LocalPdsUnavailableError,
  startLocalPds,
} from './local-pds.js';
export { type PlannedRequest, planRequests } from './plan.js';
export { formatPlan } from './plan-format.js';
export {
  ACCESS_PLACEHOLDER,
  DEFAULT_PASSWORD_ENV,
  REFRESH_PLACEHOLDER,
  Redactor,
} from './redact.js';
export { FLOW, type LiveStep, type Need } from './steps.js';
export {
  DEFAULT_BUDGET,
  DEFAULT_LIVE_TIMEOUT_MS,
  DEFAULT_NEGATIVE_BUDGET,
  type LiveRun,
  type LiveSuiteOptions,
  normalizeBaseUrl,
  runLiveSuite,
} from './suite.js';
