import { TOOL_NAME, toolVersion } from '../util/version.js';
import { type Budget, BudgetSpentError } from './budget.js';
import type { Redactor } from './redact.js';

/*
 * The only place that talks to the server. Requests are sequential (the caller awaits each one),
 * each has a timeout, redirects are never followed (credentials must not travel to another host),
 * and a 429 is honoured: a short Retry-After is waited out (abortably), a long one stops the run.
 * Tokens in any response are registered with the redactor before the response is returned.
 */

export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
}

/** No HTTP response at all: refused, DNS, TLS, timeout. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
}

/** The run was interrupted (Ctrl-C). */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
}

export type Method = 'GET' | 'POST';

export interface XrpcRequest {
  readonly method: Method;
  readonly nsid: string;
  /** Content-Type and the like; Authorization comes from `bearer`. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly bearer?: string;
  /** Budgets charged for each attempt (retries after a 429 included). */
  readonly budgets?: readonly Budget[];
}

export interface SentRequest {
  readonly method: Method;
  readonly nsid: string;
  readonly url: string;
  /** As sent, Authorization included: redact before showing. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface XrpcResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body when it is JSON text, whatever the Content-Type; else undefined. */
  readonly json: unknown;
}

export interface Exchanged {
  readonly request: SentRequest;
  readonly response: XrpcResponse;
}

export interface ClientOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly redactor: Redactor;
  /** Aborted on Ctrl-C. */
  readonly signal?: AbortSignal;
  /** The longest Retry-After waited out; longer ones stop the run. */
  readonly maxRetryWaitMs?: number;
  /** Retries after a 429, per request. */
  readonly maxRetries?: number;
  /** Waits out a Retry-After (default `sleep`); replaceable so the wait can be observed. */
  readonly wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const DEFAULT_MAX_RETRY_WAIT_MS = 30_000;

export class XrpcClient {
  /** Requests sent so far (every attempt). */
  sent = 0;
  /** Refresh tokens seen in any response: the sessions this run holds. */
  readonly sessions = new Set<string>();

  constructor(private readonly opts: ClientOptions) {}

  get baseUrl(): string {
    return this.opts.baseUrl;
  }

  url(nsid: string): string {
    return `${this.opts.baseUrl}/xrpc/${nsid}`;
  }

  async call(req: XrpcRequest): Promise<Exchanged> {
    const headers: Record<string, string> = { ...commonHeaders(), ...req.headers };
    if (req.bearer !== undefined) headers.authorization = `Bearer ${req.bearer}`;
    const sent: SentRequest = {
      method: req.method,
      nsid: req.nsid,
      url: this.url(req.nsid),
      headers,
      ...(req.body === undefined ? {} : { body: req.body }),
    };
    const maxRetries = this.opts.maxRetries ?? 2;
    for (let attempt = 0; ; attempt++) {
      for (const b of req.budgets ?? []) {
        if (b.left === 0) throw new BudgetSpentError(b.reason);
      }
      for (const b of req.budgets ?? []) b.take();
      const response = await this.fetchOnce(sent);
      this.learn(response, req.budgets ?? []);
      if (this.opts.signal?.aborted) throw new InterruptedError('interrupted');
      if (response.status !== 429) return { request: sent, response };
      const waitMs = retryDelayMs(response.headers);
      const limit = this.opts.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
      if (waitMs === undefined || waitMs > limit || attempt >= maxRetries) {
        const after = waitMs === undefined ? 'no Retry-After' : `Retry-After ${waitMs / 1000} s`;
        throw new RateLimitedError(
          `${req.nsid} answered 429 Too Many Requests (${after}); stopped to respect the server's rate limit`,
        );
      }
      await (this.opts.wait ?? sleep)(waitMs, this.opts.signal);
    }
  }

  /**
   * Ctrl-C is honoured between requests, never in the middle of one: a request the server has
   * already handled (a refresh that rotated the token) must deliver its tokens, or the session it
   * created could not be deleted.
   */
  private async fetchOnce(req: SentRequest): Promise<XrpcResponse> {
    if (this.opts.signal?.aborted) throw new InterruptedError('interrupted');
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    this.sent++;
    try {
      const res = await fetch(req.url, {
        method: req.method,
        headers: req.headers,
        ...(req.body === undefined ? {} : { body: req.body }),
        redirect: 'manual',
        signal: timeout,
      });
      const text = await res.text();
      return {
        status: res.status,
        contentType: res.headers.get('content-type') ?? undefined,
        headers: res.headers,
        text,
        json: parseJson(text),
      };
    } catch (err) {
      if (timeout.aborted) {
        throw new TransportError(`no response within ${this.opts.timeoutMs} ms`);
      }
      throw new TransportError(describeFetchError(err));
    }
  }

  /** Registers tokens for redaction and cleanup, and closes budgets the server says are spent. */
  private learn(res: XrpcResponse, budgets: readonly Budget[]): void {
    const body = res.json;
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      const { accessJwt, refreshJwt } = body as Record<string, unknown>;
      this.opts.redactor.addToken(accessJwt, 'access');
      this.opts.redactor.addToken(refreshJwt, 'refresh');
      if (typeof refreshJwt === 'string') this.sessions.add(refreshJwt);
    }
    // A 429 is handled by its Retry-After; any other answer at 0 ends the budget.
    if (res.status !== 429 && res.headers.get('ratelimit-remaining')?.trim() === '0') {
      for (const b of budgets)
        b.close('the server says its rate limit is reached (RateLimit-Remaining: 0)');
    }
  }
}

/** Sent with every request: the tool names itself, so operators can tell its traffic apart. */
export function commonHeaders(): Record<string, string> {
  return { accept: 'application/json', 'user-agent': `${TOOL_NAME}/${toolVersion()}` };
}

export function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * How long a 429 asks to wait: Retry-After (seconds or an HTTP date), else RateLimit-Reset
 * (seconds from now, or epoch seconds as the reference PDS sends). Undefined when neither is usable.
 */
export function retryDelayMs(headers: Headers, now: number = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter !== undefined && retryAfter !== '') {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('ratelimit-reset')?.trim();
  if (reset !== undefined && /^\d+$/.test(reset)) {
    const n = Number(reset);
    // Values this large are a point in time, not a delay.
    return n > 1_000_000_000 ? Math.max(0, n * 1000 - now) : n * 1000;
  }
  return undefined;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new InterruptedError('interrupted'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new InterruptedError('interrupted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const TLS_CODE = /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|HOSTNAME_MISMATCH)/;

/** One line for a failed fetch, from undici's `cause`. */
export function describeFetchError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (err as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found (DNS)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset by the server';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'connection timed out';
  if (code !== undefined && TLS_CODE.test(code)) return `TLS failed (${code})`;
  const message = cause?.message ?? (err instanceof Error ? err.message : String(err));
  return (message.split('\n')[0] ?? message) + (code === undefined ? '' : ` (${code})`);
}
