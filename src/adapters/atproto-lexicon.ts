// @atproto/lexicon, the reference lexicon validator, loaded with the session lexicons
// (vendor/lexicons). refreshSession has the same output as createSession, so kind `session` is
// checked against createSession.
import { type LexiconDoc, Lexicons, ValidationError } from '@atproto/lexicon';
import type { Validator } from '../contract/validator.js';
import { readResource } from '../util/paths.js';
import { libraryVersion } from './library-version.js';

const LEXICON_IDS = [
  'com.atproto.server.createSession',
  'com.atproto.server.refreshSession',
  'com.atproto.server.getSession',
  'com.atproto.server.deleteSession',
] as const;

const METHOD = {
  session: 'com.atproto.server.createSession',
  getSession: 'com.atproto.server.getSession',
} as const;

export function create(): Validator {
  const lexicons = new Lexicons(
    LEXICON_IDS.map(
      (id) => JSON.parse(readResource('vendor', 'lexicons', `${id}.json`)) as LexiconDoc,
    ),
  );
  return {
    name: '@atproto/lexicon',
    version: libraryVersion('@atproto/lexicon'),
    kinds: ['session', 'getSession'],
    validate(kind, value) {
      if (kind !== 'session' && kind !== 'getSession') {
        throw new Error(`kind ${kind} is not supported`);
      }
      try {
        lexicons.assertValidXrpcOutput(METHOD[kind], value);
        return { valid: true };
      } catch (err) {
        // Anything but a validation failure is a fault of the target, reported as an error.
        if (!(err instanceof ValidationError)) throw err;
        return { valid: false, errors: [err.message] };
      }
    },
  };
}
