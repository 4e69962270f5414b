import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Budget, BudgetSpentError } from '../../src/live/budget.js';
import {
  describeFetchError,
  retryDelayMs,
  TransportError,
  XrpcClient,
} from '../../src/live/client.js';
import { importDevDependency, LocalPdsUnavailableError } from '../../src/live/local-pds.js';
import { Redactor } from '../../src/live/redact.js';

async function serve(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

describe('retryDelayMs', () => {
  const h = (init: Record<string, string>): Headers => new Headers(init);
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads Retry-After as seconds or an HTTP date, then RateLimit-Reset', () => {
    expect(retryDelayMs(h({ 'retry-after': '3' }), now)).toBe(3_000);
    expect(retryDelayMs(h({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }), now)).toBe(10_000);
    expect(retryDelayMs(h({ 'ratelimit-reset': '20' }), now)).toBe(20_000);
    expect(retryDelayMs(h({ 'ratelimit-reset': String(now / 1000 + 300) }), now)).toBe(300_000);
    expect(retryDelayMs(h({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryDelayMs(h({}), now)).toBeUndefined();
  });
});

describe('describeFetchError', () => {
  const failed = (code: string): Error =>
    Object.assign(new TypeError('fetch failed'), { cause: { code } });

  it('says in one line why there was no response', () => {
    expect(describeFetchError(failed('ECONNREFUSED'))).toBe('connection refused');
    expect(describeFetchError(failed('ENOTFOUND'))).toBe('host not found (DNS)');
    expect(describeFetchError(failed('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe(
      'TLS failed (DEPTH_ZERO_SELF_SIGNED_CERT)',
    );
    expect(describeFetchError(failed('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe(
      'TLS failed (ERR_TLS_CERT_ALTNAME_INVALID)',
    );
  });
});

describe('XrpcClient', () => {
  it('times out a request that gets no answer', async () => {
    const { server, url } = await serve(() => undefined);
    try {
      const client = new XrpcClient({ baseUrl: url, timeoutMs: 150, redactor: new Redactor() });
      await expect(client.call({ method: 'GET', nsid: 'x.y.z' })).rejects.toThrow(
        new TransportError('no response within 150 ms'),
      );
    } finally {
      await close(server);
    }
  });

  it('never follows a redirect (credentials stay with the server they were meant for)', async () => {
    let hits = 0;
    const { server, url } = await serve((_req, res) => {
      hits++;
      res.writeHead(307, { location: '/elsewhere' });
      res.end();
    });
    try {
      const client = new XrpcClient({ baseUrl: url, timeoutMs: 2_000, redactor: new Redactor() });
      const ex = await client.call({ method: 'POST', nsid: 'a.b.c', body: '{}' });
      expect(ex.response.status).toBe(307);
      expect(hits).toBe(1);
    } finally {
      await close(server);
    }
  });

  it('closes the budgets of a request when the server says RateLimit-Remaining: 0', async () => {
    const { server, url } = await serve((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json', 'ratelimit-remaining': '0' });
      res.end('{"error":"AuthenticationRequired"}');
    });
    try {
      const client = new XrpcClient({ baseUrl: url, timeoutMs: 2_000, redactor: new Redactor() });
      const budget = new Budget('createSession', 10);
      await client.call({ method: 'POST', nsid: 'a.b.c', budgets: [budget] });
      expect(budget.left).toBe(0);
      await expect(
        client.call({ method: 'POST', nsid: 'a.b.c', budgets: [budget] }),
      ).rejects.toThrow(BudgetSpentError);
      expect(client.sent).toBe(1);
    } finally {
      await close(server);
    }
  });

  it('registers the tokens of any response for redaction and cleanup', async () => {
    const { server, url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"accessJwt":"access-token-value-1","refreshJwt":"refresh-token-value-2"}');
    });
    try {
      const redactor = new Redactor();
      const client = new XrpcClient({ baseUrl: url, timeoutMs: 2_000, redactor });
      await client.call({ method: 'POST', nsid: 'a.b.c' });
      expect([...client.sessions]).toEqual(['refresh-token-value-2']);
      expect(redactor.text('access-token-value-1 refresh-token-value-2')).toBe(
        '$ACCESS_JWT $REFRESH_JWT',
      );
    } finally {
      await close(server);
    }
  });
});

describe('--local without the dev dependencies', () => {
  it('is a LocalPdsUnavailableError that names what to install', async () => {
    const missing = importDevDependency('@atproto/no-such-package-for-this-test');
    await expect(missing).rejects.toThrow(LocalPdsUnavailableError);
    await expect(missing).rejects.toThrow(/--local needs the dev dependencies/);
  });
});
