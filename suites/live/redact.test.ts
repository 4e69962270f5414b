import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { toCurl } from '../../src/live/curl.js';
import { Redactor } from '../../src/live/redact.js';

const TOKEN =
  'eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOmFiYyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

describe('Redactor', () => {
  it('replaces each secret by value, wherever it appears', () => {
    const r = new Redactor('PW');
    r.addPassword('hunter2"\\x');
    r.addToken(TOKEN, 'access');
    expect(r.text(`login hunter2"\\x then Bearer ${TOKEN}.`)).toBe(
      'login $PW then Bearer $ACCESS_JWT.',
    );
    // Inside JSON text the password is escaped; it is still found.
    expect(r.text(JSON.stringify({ password: 'hunter2"\\x' }))).toBe('{"password":"$PW"}');
    // A server echoing only the signature still leaks it.
    expect(r.text(`sig ${TOKEN.split('.')[2]}`)).toBe('sig $ACCESS_JWT_SIGNATURE');
  });

  it('redacts keys and values of nested JSON, and leaves other values alone', () => {
    const r = new Redactor();
    r.addToken(TOKEN, 'refresh');
    expect(r.value({ [TOKEN]: [TOKEN, 1, null, { t: `x${TOKEN}` }], ok: true })).toEqual({
      $REFRESH_JWT: ['$REFRESH_JWT', 1, null, { t: 'x$REFRESH_JWT' }],
      ok: true,
    });
  });

  it('never lets a registered secret through', () => {
    // No character of the secret occurs in the placeholder, so any copy left would be a leak.
    const unit = fc.constantFrom(...'0123456789!#%&*+,-./:;<=>?@[]^{|}~ "\\é€😀\u0000\u001f');
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 1, maxLength: 12 }),
        fc.string({ unit, maxLength: 20 }),
        fc.string({ unit, maxLength: 20 }),
        (secret, before, after) => {
          const r = new Redactor();
          r.addPassword(secret);
          expect(r.text(`${before}${secret}${after}`)).not.toContain(secret);
          const json = JSON.stringify({ s: `${before}${secret}${after}` });
          expect(r.text(json)).not.toContain(JSON.stringify(secret).slice(1, -1));
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });
});

describe('toCurl', () => {
  it('uses shell variables for secrets and quotes the rest so a shell gets the same bytes', () => {
    const r = new Redactor();
    r.addPassword("p'w$x");
    r.addToken(TOKEN, 'access');
    const curl = toCurl(
      {
        method: 'POST',
        url: 'https://pds.example.com/xrpc/com.atproto.server.createSession',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ identifier: "o'neil\u0001", password: "p'w$x" }),
      },
      r,
    );
    expect(curl).not.toContain(TOKEN);
    expect(curl).not.toContain("p'w$x");
    expect(curl).toContain(`-H 'Authorization: Bearer '"$ACCESS_JWT"`);
    // Run the body word through a real shell with the variable set: the original body comes back.
    const word = curl.slice(curl.indexOf('--data-binary ') + '--data-binary '.length);
    const echoed = execFileSync('/bin/sh', ['-c', `printf %s ${word}`], {
      env: { ATPROTO_PASSWORD: "p'w$x" },
    }).toString();
    expect(echoed).toBe('{"identifier":"o\'neil\\u0001","password":"p\'w$x"}');
  });

  it("keeps raw control characters with $'…' quoting", () => {
    const curl = toCurl(
      { method: 'POST', url: 'http://127.0.0.1:1/x', headers: {}, body: "a\u0000b\nc'd" },
      new Redactor(),
    );
    expect(curl.endsWith(`--data-binary $'a\\x00b\\x0ac\\'d'`)).toBe(true);
  });
});
