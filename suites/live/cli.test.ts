import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import { parseFlags } from '../../src/commands/common.js';
import { OPTIONS, readConfig } from '../../src/commands/live-config.js';
import { FIXED_BEARERS } from '../../src/live/bearers.js';
import { spellPublicToken } from '../../src/live/curl.js';
import { FILE_NAMES } from '../../src/report/write.js';
import { captureIo } from '../_helpers/io.js';
import { type BrokenPds, startBrokenPds } from '../fixtures/broken-pds/server.js';
import { leaks, readAll } from './_secrets.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function hangingServer(): Promise<{ server: Server; url: string }> {
  const server = createServer(() => undefined);
  return { server, url: await listen(server) };
}

describe('live --dry-run', () => {
  let pds: BrokenPds;
  beforeAll(async () => {
    pds = await startBrokenPds({ breaks: [] });
  });
  afterAll(() => pds.close());

  it('prints every request with secrets masked and sends nothing', async () => {
    const io = captureIo({ ATPROTO_PASSWORD: pds.password });
    const code = await main(
      ['live', '--pds', pds.url, '--identifier', pds.handle, '--dry-run', '--seed', '5'],
      io,
    );
    expect(code).toBe(0);
    expect(pds.requests).toHaveLength(0);
    const out = io.out();
    expect(leaks(out, [pds.password])).toEqual([]);
    expect(out).toContain(`body: {"identifier":"${pds.handle}","password":"$ATPROTO_PASSWORD"}`);
    expect(out).toContain('authorization: Bearer $ACCESS_JWT');
    expect(out).toContain('user-agent: atproto-session-conformance/');
    expect(out).toContain('authorization: Bearer $REFRESH_JWT');
    for (const nsid of ['describeServer', 'createSession', 'getSession', 'refreshSession']) {
      expect(out).toContain(`${pds.url}/xrpc/com.atproto.server.${nsid}`);
    }
    expect(out).toContain('deleteSession');
    // 29 probe and flow requests, up to 39 invalid ones, one cleanup line.
    const planned = out.split('\n').filter((l) => /^ *\d+\. (GET|POST) /.test(l));
    expect(planned.length).toBeGreaterThan(29 + 20);
    expect(planned.length).toBeLessThanOrEqual(29 + 39 + 1);
    // Every authenticated endpoint gets the bad bearers, shown as the shell expressions.
    const expansion = (text: string): string => `authorization: Bearer $${text}`;
    expect(out).toContain(expansion('{ACCESS_JWT%????????}'));
    expect(out).toContain(expansion('{REFRESH_JWT%.*}.'));
    // The made-up expired-looking tokens are spelled as shell words, not masked.
    expect(out).not.toContain('[redacted JWT]');
    expect(out).toContain(
      `authorization: Bearer ${spellPublicToken(FIXED_BEARERS['expired-access'])}`,
    );
    // The default login budget (10) pays for 3 flow logins and 7 invalid ones, fixed ones first.
    expect(out).toMatch(
      /invalid request: control-characters .*\[createSession \+ invalid-request\]/,
    );
  });

  it('says which fixed hostile requests a small login budget leaves out, and why', async () => {
    const io = captureIo({ ATPROTO_PASSWORD: pds.password });
    const argv = ['live', '--pds', pds.url, '--identifier', pds.handle, '--dry-run'];
    expect(await main([...argv, '--budget', '5', '--seed', '1'], io)).toBe(0);
    const [sent, left] = io.out().split('Left out (');
    // Three flow logins leave two: the NUL identifier and the NUL password.
    expect(sent?.match(/invalid request: control-characters/g)).toHaveLength(2);
    expect(left).toMatch(/^3\):/);
    expect(
      left?.match(
        /not sent: it carries a string identifier and password, and the createSession budget is spent/g,
      ),
    ).toHaveLength(3);
    expect(left).toContain('invalid request: huge-string');
    expect(left).toContain('invalid request: duplicate-keys');
    expect(pds.requests).toHaveLength(0);
  });

  it('names the chosen password variable and never needs the network with --local', async () => {
    const io = captureIo();
    expect(await main(['live', '--local', '--dry-run', '--negative-budget', '0'], io)).toBe(0);
    expect(io.out()).toContain('"password":"$ATPROTO_PASSWORD"');
    const [sent, left] = io.out().split('Left out (');
    expect(sent).not.toContain('GET on a procedure');
    expect(left).toContain('GET on a procedure');
    expect(left).toContain('not sent: the invalid-request budget is spent');
    expect(pds.requests).toHaveLength(0);
  });
});

describe('live: usage and configuration errors (exit 2)', () => {
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['no target', ['live'], {}, /either --pds URL or --local/],
    ['both targets', ['live', '--local', '--pds', 'https://a.example'], {}, /either/],
    [
      'no identifier',
      ['live', '--pds', 'https://a.example'],
      { ATPROTO_PASSWORD: 'x' },
      /--identifier/,
    ],
    [
      'no password',
      ['live', '--pds', 'https://a.example', '--identifier', 'a.test'],
      {},
      /ATPROTO_PASSWORD, which is not set/,
    ],
    [
      'chosen variable not set',
      ['live', '--pds', 'https://a.example', '--identifier', 'a.test', '--password-env', 'MY_PW'],
      { ATPROTO_PASSWORD: 'x' },
      /MY_PW, which is not set/,
    ],
    ['a password flag', ['live', '--pds', 'https://a.example', '--password', 'x'], {}, /password/],
    [
      'not a URL',
      ['live', '--pds', 'pds.example', '--identifier', 'a'],
      { ATPROTO_PASSWORD: 'x' },
      /must be a URL/,
    ],
    [
      'a path',
      ['live', '--pds', 'https://a.example/xrpc', '--identifier', 'a'],
      { ATPROTO_PASSWORD: 'x' },
      /without a path/,
    ],
    [
      'plain http',
      ['live', '--pds', 'http://a.example', '--identifier', 'a'],
      { ATPROTO_PASSWORD: 'x' },
      /plain http/,
    ],
    [
      'identifier with --local',
      ['live', '--local', '--identifier', 'a'],
      {},
      /--identifier is for --pds/,
    ],
    ['bad format', ['live', '--local', '--format', 'pdf'], {}, /format/],
    ['bad budget', ['live', '--local', '--budget', '0'], {}, /--budget must be an integer >= 1/],
    [
      'rate limits of a remote server',
      ['live', '--pds', 'https://a.example', '--identifier', 'a', '--rate-limits'],
      { ATPROTO_PASSWORD: 'x' },
      /--rate-limits is for --local/,
    ],
  ];

  it.each(cases)('%s', async (_name, argv, env, message) => {
    const io = captureIo(env);
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });

  it('--local --rate-limits asks for the reference PDS with its production limits', () => {
    const parse = (argv: string[]) =>
      readConfig(parseFlags(argv, OPTIONS).values, captureIo()).rateLimits;
    expect(parse(['--local', '--rate-limits'])).toBe(true);
    expect(parse(['--local'])).toBe(false);
  });

  it('--help documents the flags, and there is no password flag', async () => {
    const io = captureIo();
    expect(await main(['live', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--password-env NAME');
    expect(io.out()).toContain('--dry-run');
    expect(io.out()).not.toMatch(/--password\s/);
  });
});

describe('live: the server cannot be reached or is not a PDS (exit 3)', () => {
  it('reports a refused connection in one line', async () => {
    const server = createServer();
    const url = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const io = captureIo({ ATPROTO_PASSWORD: 'secret-password-1' });
    expect(await main(['live', '--pds', url, '--identifier', 'a.test'], io)).toBe(3);
    expect(io.err()).toBe(`atproto-conformance live: cannot reach ${url}: connection refused\n`);
  });

  it('gives up on a server that does not answer, after --timeout-ms', async () => {
    const { server, url } = await hangingServer();
    try {
      const io = captureIo({ ATPROTO_PASSWORD: 'secret-password-3' });
      const code = await main(
        ['live', '--pds', url, '--identifier', 'a.test', '--timeout-ms', '200'],
        io,
      );
      expect(code).toBe(3);
      expect(io.err()).toBe(
        `atproto-conformance live: cannot reach ${url}: no response within 200 ms\n`,
      );
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('reports a server that is not a PDS, without sending the password', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      req.on('data', (c: Buffer) => bodies.push(c.toString()));
      req.on('end', () => {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not Found</h1>');
      });
    });
    const url = await listen(server);
    try {
      const io = captureIo({ ATPROTO_PASSWORD: 'secret-password-2' });
      expect(await main(['live', '--pds', url, '--identifier', 'a.test'], io)).toBe(3);
      expect(io.err()).toMatch(
        /does not look like a PDS: .*describeServer answered 404 \(text\/html\)/,
      );
      expect(bodies.join('')).not.toContain('secret-password-2');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('live: Ctrl-C before the first check', () => {
  it('exits 130 and sends nothing', async () => {
    const pds = await startBrokenPds({ breaks: [] });
    try {
      const controller = new AbortController();
      controller.abort();
      const io = { ...captureIo({ ATPROTO_PASSWORD: pds.password }), signal: controller.signal };
      expect(await main(['live', '--pds', pds.url, '--identifier', pds.handle], io)).toBe(130);
      expect(io.err()).toBe('atproto-conformance live: interrupted before any check ran\n');
      expect(pds.requests).toHaveLength(0);
    } finally {
      await pds.close();
    }
  });
});

describe('live against the broken server through the CLI', () => {
  it('exits 1, writes every report, and leaks nothing', async () => {
    const pds = await startBrokenPds();
    const outDir = await mkdtemp(join(tmpdir(), 'live-cli-'));
    try {
      const io = captureIo({ ATPROTO_PASSWORD: pds.password });
      const code = await main(
        [
          'live',
          '--pds',
          pds.url,
          '--identifier',
          pds.handle,
          '--out',
          outDir,
          '--negative-budget',
          '8',
        ],
        io,
      );
      expect(code).toBe(1);
      expect(io.out()).toContain(`live:${pds.url}`);
      // stderr is not a terminal here: no progress lines.
      expect(io.err()).toBe('');
      const files = await readAll(outDir);
      expect(Object.keys(files).sort()).toEqual(Object.values(FILE_NAMES).sort());
      for (const text of [io.out(), io.err(), ...Object.values(files)]) {
        expect(leaks(text, [pds.password])).toEqual([]);
      }
      expect(pds.openSessions()).toBe(0);
    } finally {
      await pds.close();
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
