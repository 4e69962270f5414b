export {
  CREATE_SESSION_EXAMPLES,
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
