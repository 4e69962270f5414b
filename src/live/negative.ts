import fc from 'fast-check';
import {
  carriesCredentials,
  type InvalidCreateSessionRequest,
  requestBodyText,
} from '../../generators/xrpc/index.js';
import { BudgetSpentError } from './budget.js';
import { type Exchanged, sleep, TransportError } from './client.js';
import { evidence, type LiveContext, send } from './context.js';
import { describeResponse, is4xx } from './evidence.js';
import {
  invalidRequests,
  isFixed,
  leftOutBecause,
  negativeRuns,
  propertyParameters,
} from './negative-schedule.js';
import { NSID } from './requests.js';

/*
 * Negative property tests: invalid createSession requests must get a 4xx, never a 2xx or 5xx.
 * The fixed hostile requests go first, then fast-check generates more from the seed and shrinks
 * a failure to its minimal request. Every request is charged to the negative budget, and also
 * to the login budget when it carries a string identifier and password. A request containing
 * the real password is never sent.
 */

export interface NegativeOptions {
  readonly seed: number;
  /** Pause between invalid requests, so a server never sees a burst. */
  readonly delayMs: number;
  readonly signal?: AbortSignal;
}

export const NEGATIVE_RULE = 'http.create-session.negative-data-rejection';

/** The history label of an invalid request. */
export function negativeLabel(req: InvalidCreateSessionRequest): string {
  return `invalid/${isFixed(req) ? 'fixed' : 'generated'}/${req.mutation}`;
}

/** Why a request was not judged: a spent budget, a 429 or Ctrl-C stop the property. */
class Stop {
  reason: string | undefined;
  error: unknown;
}

export async function runNegativeChecks(ctx: LiveContext, opts: NegativeOptions): Promise<void> {
  const numRuns = negativeRuns(ctx.negative.left);
  if (ctx.negative.left === 0) {
    ctx.ledger.skip(NEGATIVE_RULE, ctx.negative.reason);
    return;
  }
  ctx.progress(`invalid createSession requests (${numRuns} runs, seed ${opts.seed})`);
  const stop = new Stop();
  let sent = 0;
  let last: Failure | undefined;

  const property = fc.asyncProperty(invalidRequests, async (req: InvalidCreateSessionRequest) => {
    // Never send the password, and never a login the budget cannot pay for.
    fc.pre(leftOutBecause(req, ctx.password, ctx.login.left) === undefined);
    const credentials = carriesCredentials(req);
    // Spent or stopped: the request cannot be judged, so it counts as passing (this only
    // happens while shrinking, whose last failing request is then the counterexample).
    if (stop.reason !== undefined || ctx.negative.left === 0) return true;
    if (sent > 0) await sleep(opts.delayMs, opts.signal).catch(() => undefined);
    let ex: Exchanged;
    try {
      ex = await send(ctx, {
        method: 'POST',
        nsid: NSID.create,
        headers: req.contentType === null ? {} : { 'content-type': req.contentType },
        body: requestBodyText(req),
        budgets: credentials ? [ctx.negative, ctx.login] : [ctx.negative],
        label: negativeLabel(req),
      });
    } catch (err) {
      if (err instanceof TransportError) {
        sent++;
        last = { req, problem: `no response: ${ctx.redactor.error(err)}` };
        return false;
      }
      stop.reason = err instanceof BudgetSpentError ? err.message : ctx.redactor.error(err);
      stop.error = err;
      return true;
    }
    sent++;
    if (is4xx(ex.response.status)) return true;
    last = { req, ex, problem: `expected a 4xx, got ${describeResponse(ex)}` };
    return false;
  });

  const details = await fc.check(property, propertyParameters(opts.seed, numRuns));

  if (details.failed && details.counterexample === null) {
    // Too many skips: every generated request needed a spent budget.
    ctx.ledger.skip(
      NEGATIVE_RULE,
      ctx.login.left === 0 ? ctx.login.reason : 'no request could be sent',
    );
  } else if (details.failed && last !== undefined) {
    recordFailure(ctx, last, details.numShrinks);
    ctx.ledger.addRuns(NEGATIVE_RULE, sent - 1);
  } else if (details.failed) {
    ctx.ledger.error(NEGATIVE_RULE, ctx.redactor.error(details.errorInstance));
  } else if (sent > 0) {
    ctx.ledger.pass(NEGATIVE_RULE);
    ctx.ledger.addRuns(NEGATIVE_RULE, sent - 1);
  } else {
    ctx.ledger.skip(NEGATIVE_RULE, stop.reason ?? ctx.negative.reason);
  }
  if (stop.error !== undefined && !(stop.error instanceof BudgetSpentError)) throw stop.error;
}

interface Failure {
  readonly req: InvalidCreateSessionRequest;
  readonly ex?: Exchanged;
  readonly problem: string;
}

/** The shrunk request becomes the evidence, replacing the first failure seen. */
function recordFailure(ctx: LiveContext, failure: Failure, numShrinks: number): void {
  const { req, ex, problem } = failure;
  const shrunk = numShrinks > 0 ? `, shrunk ${numShrinks} times` : '';
  ctx.ledger.fail(NEGATIVE_RULE, `invalid request (${req.mutation}): ${problem}${shrunk}`, {
    ...(ex === undefined ? {} : evidence(ctx, ex)),
    counterexample: {
      kind: 'live',
      value: ctx.redactor.value(
        req.payload.kind === 'json'
          ? { contentType: req.contentType, body: req.payload.value }
          : { contentType: req.contentType, text: req.payload.text },
      ),
      expected: false,
      actual: ex === undefined || ex.response.status >= 500 ? null : true,
      violates: [NEGATIVE_RULE],
    },
    replace: true,
  });
  if (ex !== undefined && ex.response.status >= 500) {
    ctx.ledger.fail(
      'http.xrpc.not-a-server-error',
      `POST ${NSID.create} (${req.mutation}) answered ${ex.response.status}`,
      { ...evidence(ctx, ex), replace: true },
    );
  }
}
