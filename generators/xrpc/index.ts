export {
  type CreateSessionMutation,
  carriesCredentials,
  HUGE_STRING_MAX,
  type InvalidCreateSessionConstraints,
  type InvalidCreateSessionRequest,
  invalidCreateSessionRequest,
  JSON_CONTENT_TYPE,
  type RequestPayload,
  requestBodyText,
} from './create-session.js';
export { HOSTILE_CREATE_SESSION_REQUESTS, HOSTILE_LOGINS, LONG_STRING_LENGTH } from './hostile.js';
