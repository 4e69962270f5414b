import type { Exchange } from '../report/model.js';
import type { RuleId } from '../spec/rules/index.js';
import { type Budget, BudgetSpentError } from './budget.js';
import { type Exchanged, TransportError, type XrpcClient } from './client.js';
import { toExchange, xrpcErrorProblem } from './evidence.js';
import type { Ledger } from './ledger.js';
import type { Redactor } from './redact.js';

/** Everything a check needs: the client, the ledger, budgets and the credentials. */
export interface LiveContext {
  readonly client: XrpcClient;
  readonly ledger: Ledger;
  readonly redactor: Redactor;
  /** createSession requests that could reach the login handler. */
  readonly login: Budget;
  /** Invalid-body requests. */
  readonly negative: Budget;
  readonly identifier: string;
  readonly password: string;
  readonly progress: (line: string) => void;
}

export function evidence(ctx: LiveContext, ex: Exchanged): { exchange: Exchange } {
  return { exchange: toExchange(ex, ctx.redactor) };
}

/** The checks every exchange feeds: no 5xx, and XRPC error bodies on every failure. */
export function observe(ctx: LiveContext, ex: Exchanged): void {
  const { status } = ex.response;
  const where = `${ex.request.method} ${ex.request.nsid}`;
  if (status >= 500) {
    ctx.ledger.fail(
      'http.xrpc.not-a-server-error',
      `${where} answered ${status}`,
      evidence(ctx, ex),
    );
  } else {
    ctx.ledger.pass('http.xrpc.not-a-server-error');
  }
  if (status >= 400) {
    const problem = xrpcErrorProblem(ex);
    if (problem === undefined) ctx.ledger.pass('http.xrpc.error-body-conformance');
    else {
      ctx.ledger.fail(
        'http.xrpc.error-body-conformance',
        `${where} answered ${status}, but ${problem}`,
        evidence(ctx, ex),
      );
    }
  }
}

/** Sends a request and feeds the exchange to the global checks. */
export async function send(
  ctx: LiveContext,
  req: Parameters<XrpcClient['call']>[0],
): Promise<Exchanged> {
  const ex = await ctx.client.call(req);
  observe(ctx, ex);
  return ex;
}

/**
 * Runs one step of the session flow. A spent budget skips the step's rules, a request that got
 * no response marks them `error`; a 429 that cannot be waited out and Ctrl-C stop the run.
 */
export async function step<T>(
  ctx: LiveContext,
  rules: readonly RuleId[],
  fn: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof BudgetSpentError) {
      for (const id of rules) ctx.ledger.skip(id, err.message);
      return undefined;
    }
    if (err instanceof TransportError) {
      for (const id of rules) ctx.ledger.error(id, `no response: ${ctx.redactor.error(err)}`);
      return undefined;
    }
    throw err;
  }
}
