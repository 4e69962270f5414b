import fc from 'fast-check';
import { jsonString } from './json.js';

const unicodeLocal = fc.constantFrom(
  'josé',
  'müller',
  '用户',
  'владимир',
  'δοκιμή',
  'zoë',
  'ñandú',
);
const unicodeDomain = fc.constantFrom('example.com', 'exämple.org', '例え.jp', 'bücher.de');

/** Strings a server would not accept as an address; the lexicon still does. */
const NOT_ADDRESSES = [
  '',
  'not an email',
  'alice',
  'a@',
  '@example.com',
  'user@localhost',
  'alice@test',
  ' alice@example.com ',
  'bob@TEST.com',
  'a@b@c',
];

/**
 * `email` values. The lexicon gives `email` as a plain string with no format, so every string is
 * valid: ASCII addresses, Unicode ones (`josé@example.com`), and strings that are not addresses.
 *
 * @remarks lexicon com.atproto.server.createSession, output `email` (`"type": "string"`)
 * @public
 */
export function email(): fc.Arbitrary<string> {
  return fc.oneof(
    // The empty string is the value over-strict validators most often refuse.
    { arbitrary: fc.constant(''), weight: 1 },
    { arbitrary: fc.emailAddress(), weight: 3 },
    {
      arbitrary: fc
        .tuple(unicodeLocal, fc.nat({ max: 99 }), unicodeDomain)
        .map(([local, n, domain]) => `${local}${n}@${domain}`),
      weight: 2,
    },
    fc.constantFrom(...NOT_ADDRESSES),
    jsonString,
  );
}
