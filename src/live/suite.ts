import { isConformant, type Report, summarize } from '../report/model.js';
import { ruleInfo } from '../report/rule-info.js';
import { getRule, rulesForKind } from '../spec/rules/index.js';
import { TOOL_NAME, toolVersion } from '../util/version.js';
import { Budget } from './budget.js';
import type { SentRequest } from './client.js';
import { InterruptedError, RateLimitedError, XrpcClient } from './client.js';
import type { LiveContext } from './context.js';
import { runFlow } from './flow.js';
import { Ledger } from './ledger.js';
import { runNegativeChecks } from './negative.js';
import { negativeRuns } from './negative-schedule.js';
import { CLEANUP_STEP } from './plan.js';
import { probeServer } from './probe.js';
import { DEFAULT_PASSWORD_ENV, Redactor } from './redact.js';
import { NSID } from './requests.js';

/*
 * One live run against one server: probe, the session flow, the negative properties, then the
 * cleanup that deletes every session the run holds, whatever happened before (a failure, a spent
 * budget, a 429, Ctrl-C). The report is redacted as a whole before it is returned.
 */

export const DEFAULT_BUDGET = 10;
export const DEFAULT_NEGATIVE_BUDGET = 40;
export const DEFAULT_LIVE_TIMEOUT_MS = 10_000;
export const DEFAULT_NEGATIVE_DELAY_MS = 100;

export interface LiveSuiteOptions {
  /** Base URL of the PDS, e.g. `https://pds.example.com` (no `/xrpc`). */
  readonly url: string;
  readonly identifier: string;
  readonly password: string;
  /** The variable curl commands name for the password. */
  readonly passwordEnv?: string;
  /** Defaults to `live:<url>`. */
  readonly targetId?: string;
  readonly targetName?: string;
  readonly timeoutMs?: number;
  /** createSession requests that could reach the login handler. */
  readonly budget?: number;
  /** Invalid-body requests. */
  readonly negativeBudget?: number;
  readonly seed?: number;
  readonly negativeDelayMs?: number;
  readonly maxRetryWaitMs?: number;
  readonly signal?: AbortSignal;
  readonly progress?: (line: string) => void;
  /** Pass one to keep redacting the caller's own output with every secret the run saw. */
  readonly redactor?: Redactor;
}

export interface LiveRun {
  readonly report: Report;
  readonly interrupted: boolean;
  /** Every request sent, cleanup included. */
  readonly requests: number;
  /** Sessions the cleanup could not delete (0 when all went well). */
  readonly sessionsLeft: number;
  /** Every request sent, cleanup included, redacted: what `--dry-run` plans, as it happened. */
  readonly history: readonly SentRequest[];
  readonly redactor: Redactor;
}

export function normalizeBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

export async function runLiveSuite(opts: LiveSuiteOptions): Promise<LiveRun> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const redactor = opts.redactor ?? new Redactor(opts.passwordEnv ?? DEFAULT_PASSWORD_ENV);
  redactor.addPassword(opts.password);
  const baseUrl = normalizeBaseUrl(opts.url);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_LIVE_TIMEOUT_MS;
  const seed = opts.seed ?? Date.now() % 2 ** 31;
  const negativeBudget = opts.negativeBudget ?? DEFAULT_NEGATIVE_BUDGET;
  const progress = (line: string): void => opts.progress?.(redactor.text(line));
  const client = new XrpcClient({
    baseUrl,
    timeoutMs,
    redactor,
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    ...(opts.maxRetryWaitMs === undefined ? {} : { maxRetryWaitMs: opts.maxRetryWaitMs }),
  });

  progress(`probing ${baseUrl}`);
  const info = await probeServer(client);

  const ledger = new Ledger(rulesForKind('live').map((r) => r.id));
  const ctx: LiveContext = {
    client,
    ledger,
    redactor,
    login: new Budget('createSession', opts.budget ?? DEFAULT_BUDGET),
    negative: new Budget('invalid-request', negativeBudget),
    identifier: opts.identifier,
    password: opts.password,
    progress,
  };
  let interrupted = false;
  let failure: unknown;
  let sessionsLeft = 0;
  let cleanupRequests = 0;
  let cleanupHistory: readonly SentRequest[] = [];
  try {
    await runFlow(ctx);
    await runNegativeChecks(ctx, {
      seed,
      delayMs: opts.negativeDelayMs ?? DEFAULT_NEGATIVE_DELAY_MS,
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    });
  } catch (err) {
    if (err instanceof InterruptedError) {
      interrupted = true;
      ledger.skipRemaining('interrupted');
    } else if (err instanceof RateLimitedError) {
      ledger.skipRemaining(`stopped: ${redactor.error(err)}`);
    } else failure = err;
  } finally {
    progress(`deleting ${client.sessions.size} session(s)`);
    const cleanup = await deleteSessions(client, redactor, Math.min(timeoutMs, 10_000));
    sessionsLeft = cleanup.left;
    cleanupRequests = cleanup.history.length;
    cleanupHistory = cleanup.history;
  }
  // An unexpected error still never carries a secret out.
  if (failure !== undefined) throw new Error(redactor.error(failure));

  const results = ledger.results();
  const rules = ruleInfo(results.map((r) => getRule(r.rule as Parameters<typeof getRule>[0])));
  const report: Report = {
    tool: { name: TOOL_NAME, version: toolVersion() },
    profile: 'atproto',
    seed,
    runs: negativeRuns(negativeBudget),
    startedAt,
    finishedAt: new Date().toISOString(),
    rules,
    targets: [
      {
        target: {
          id: opts.targetId ?? `live:${baseUrl}`,
          name: opts.targetName ?? `PDS ${info.did}`,
          ...(info.version === undefined ? {} : { version: info.version }),
          kinds: ['live'],
        },
        conformant: isConformant(results),
        summary: summarize(results),
        results,
        durationMs: Date.now() - started,
      },
    ],
  };
  return {
    report: redactor.value(report),
    interrupted,
    requests: client.sent + cleanupRequests,
    sessionsLeft,
    history: redactor.value([...client.history, ...cleanupHistory]),
    redactor,
  };
}

/**
 * deleteSession with every refresh token the run saw, newest first. Runs after Ctrl-C too, so it
 * uses its own client without the abort signal, and never more than one attempt per session.
 */
async function deleteSessions(
  client: XrpcClient,
  redactor: Redactor,
  timeoutMs: number,
): Promise<{ left: number; history: readonly SentRequest[] }> {
  const cleaner = new XrpcClient({ baseUrl: client.baseUrl, timeoutMs, redactor, maxRetries: 0 });
  let left = 0;
  for (const token of [...client.sessions].reverse()) {
    try {
      const ex = await cleaner.call({
        method: 'POST',
        nsid: NSID.delete,
        bearer: token,
        label: CLEANUP_STEP,
      });
      // A token the server already revoked is gone too.
      if (ex.response.status >= 500) left++;
    } catch {
      left++;
    }
    client.sessions.delete(token);
  }
  return { left, history: cleaner.history };
}
