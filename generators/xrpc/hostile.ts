import {
  carriesCredentials,
  type InvalidCreateSessionRequest,
  JSON_CONTENT_TYPE,
} from './create-session.js';

/*
 * The fixed hostile createSession requests every live run sends first, before the generated
 * ones: the inputs a server most often mishandles, so that they are never left to chance. The
 * ones without credentials come first; those that carry a string identifier and password (they
 * can reach the login handler, so they count against the login budget) follow in order of
 * importance, so a small budget keeps the first of them. Passwords are fixed wrong ones and
 * identifiers are under `.invalid`, so none can log in.
 */

const json = (
  mutation: InvalidCreateSessionRequest['mutation'],
  value: unknown,
  contentType: string = JSON_CONTENT_TYPE,
): InvalidCreateSessionRequest => ({ mutation, contentType, payload: { kind: 'json', value } });

const text = (
  mutation: InvalidCreateSessionRequest['mutation'],
  body: string,
): InvalidCreateSessionRequest => ({
  mutation,
  contentType: JSON_CONTENT_TYPE,
  payload: { kind: 'text', text: body },
});

/** Long, but under the reference PDS's 150 KB JSON body limit, so the handler sees them. */
export const LONG_STRING_LENGTH = 60_000;

export const HOSTILE_CREATE_SESSION_REQUESTS: readonly InvalidCreateSessionRequest[] = [
  text('not-json', '{'),
  text('empty-body', ''),
  // No password, so a lax server that reads it anyway cannot reach its login handler.
  json('wrong-content-type', { identifier: 'nobody.invalid' }, 'text/plain'),
  json('identifier-type', { identifier: 12345, password: ['wrong'] }),
  json('missing-both', {}),
  json('control-characters', { identifier: 'nobody\u0000.invalid', password: 'wrong-password-1' }),
  json('control-characters', {
    identifier: 'nobody.invalid',
    password: 'wrong\u0000\u0001\u001f\u007f\r\n',
  }),
  json('control-characters', {
    identifier: '\u0001\u0008\u001b\u007fnobody.invalid',
    password: 'wrong-password-2',
  }),
  json('huge-string', {
    identifier: `${'a'.repeat(LONG_STRING_LENGTH)}.invalid`,
    password: 'p'.repeat(LONG_STRING_LENGTH),
  }),
  text(
    'duplicate-keys',
    '{"identifier":"nobody1.invalid","identifier":"nobody2.invalid","Identifier":"nobody3.invalid","password":"wrong-3","password":"wrong-4","PASSWORD":"wrong-5"}',
  ),
];

/** How many of the fixed requests carry credentials (and so need the login budget). */
export const HOSTILE_LOGINS = HOSTILE_CREATE_SESSION_REQUESTS.filter(carriesCredentials).length;
