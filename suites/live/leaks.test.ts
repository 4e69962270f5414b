import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/commands/common.js';
import { maskSecrets, secretForms } from '../../src/report/redact.js';
import { FILE_NAMES } from '../../src/report/write.js';
import { type BrokenPds, startBrokenPds } from '../fixtures/broken-pds/server.js';
import { JWT_PATTERN, readAll } from './_secrets.js';

/*
 * A server that leaks: it returns tokens under names no redaction by field would know
 * (`cookie`, `otherToken`) and puts the password, raw and encoded, in every error message.
 * Nothing of it may reach stdout, stderr or any report file.
 */

const TOKEN =
  'eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOmFiYyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

describe('maskSecrets', () => {
  it('masks anything JWT-shaped, signed or not, and leaves other text alone', () => {
    const unsigned = `${TOKEN.split('.').slice(0, 2).join('.')}.`;
    expect(maskSecrets(`a ${TOKEN} b "${unsigned}" c eyJ d.e`)).toBe(
      'a [redacted JWT] b "[redacted JWT]" c eyJ d.e',
    );
  });

  it('masks a secret raw, JSON-escaped, URL- and form-encoded, HTML-escaped and in base64', () => {
    const secret = 'p "w\\ &=+/é<>';
    const forms = [
      secret,
      JSON.stringify(secret).slice(1, -1),
      JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1),
      encodeURIComponent(secret),
      new URLSearchParams({ p: secret }).toString().slice(2),
      'p &quot;w\\ &amp;=+/é&lt;&gt;',
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('base64url'),
      '\\u00e9',
    ];
    for (const form of forms.slice(0, -1)) {
      expect([form, maskSecrets(`x ${form} y`, [secret])]).toEqual([form, 'x [redacted] y']);
    }
    expect(secretForms(secret)).toContain('p \\"w\\\\ &=+/\\u00e9<>');
    expect(maskSecrets('nothing secret here', [secret])).toBe('nothing secret here');
  });
});

describe('a leaky server through the CLI', () => {
  let pds: BrokenPds;
  let outDir: string;
  const out: string[] = [];
  const err: string[] = [];
  let code: number;

  beforeAll(async () => {
    const password = `pw "q\\ &=+/é<>-${randomBytes(6).toString('hex')}`;
    // Two failures put the leaky answers into the reports as evidence.
    pds = await startBrokenPds({ breaks: ['leaky', 'status-number', 'enumeration'], password });
    outDir = await mkdtemp(join(tmpdir(), 'live-leaky-'));
    const io: Io = {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      env: { ATPROTO_PASSWORD: password },
      // Progress lines too.
      stderrIsTTY: true,
    };
    code = await main(
      ['live', '--pds', pds.url, '--identifier', pds.handle, '--out', outDir, '--seed', '9'],
      io,
    );
  });

  afterAll(async () => {
    await pds.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('ran the checks and found the two failures', () => {
    expect(code).toBe(1);
    expect(err.join('')).toContain('live: ');
    expect(pds.openSessions()).toBe(0);
  });

  it('the server does leak: its error messages carry the password', async () => {
    const res = await fetch(`${pds.url}/xrpc/com.atproto.server.getSession`);
    const { message } = (await res.json()) as { message: string };
    expect(message).toContain(pds.password);
    expect(message).toContain(encodeURIComponent(pds.password));
  });

  it('leaks no token and no form of the password into stdout, stderr or any report', async () => {
    const files = await readAll(outDir);
    expect(Object.keys(files).sort()).toEqual(Object.values(FILE_NAMES).sort());
    const forms = secretForms(pds.password);
    expect(forms.length).toBeGreaterThanOrEqual(6);
    const outputs = { stdout: out.join(''), stderr: err.join(''), ...files };
    for (const [name, text] of Object.entries(outputs)) {
      const found = forms.filter((f) => text.includes(f));
      expect([name, found, JWT_PATTERN.exec(text)?.[0]]).toEqual([name, [], undefined]);
    }
    // The stray tokens and the password in error messages were there, and are masked.
    const json = files['report.json'] ?? '';
    expect(json).toContain('"cookie": "session=[redacted JWT]; Path=/"');
    expect(json).toContain('"otherToken": "[redacted JWT]"');
    expect(json).toMatch(/No such account \(password \$ATPROTO_PASSWORD \/ \$ATPROTO_PASSWORD/);
  });
});
