import fc from 'fast-check';
import {
  carriesCredentials,
  HOSTILE_CREATE_SESSION_REQUESTS,
  type InvalidCreateSessionRequest,
  invalidCreateSessionRequest,
  requestBodyText,
} from '../../generators/xrpc/index.js';

/*
 * Which invalid createSession requests a run sends, shared by the run (negative.ts) and the
 * plan (plan.ts) so that both see the same list: the fixed hostile requests first, then the
 * ones fast-check generates from the seed, through the same gate.
 */

/** Property runs (the fixed requests first): the budget minus a reserve for shrinking a failure. */
export function negativeRuns(budget: number): number {
  const reserve = Math.min(10, Math.floor(budget / 4));
  return Math.max(0, budget - reserve);
}

export function containsSecret(req: InvalidCreateSessionRequest, secret: string): boolean {
  if (secret.length === 0) return false;
  const text = requestBodyText(req);
  return (
    text.includes(secret) ||
    text.includes(JSON.stringify(secret).slice(1, -1)) ||
    text.includes(new URLSearchParams({ s: secret }).toString().slice(2))
  );
}

/** Why a request is not sent, or undefined when it may be. */
export function leftOutBecause(
  req: InvalidCreateSessionRequest,
  password: string,
  loginLeft: number,
): string | undefined {
  if (containsSecret(req, password)) return 'it contains the account password';
  if (carriesCredentials(req) && loginLeft === 0) {
    return 'it carries a string identifier and password, and the createSession budget is spent';
  }
  return undefined;
}

export function isFixed(req: InvalidCreateSessionRequest): boolean {
  return HOSTILE_CREATE_SESSION_REQUESTS.includes(req);
}

export const invalidRequests = invalidCreateSessionRequest();

/** The fast-check parameters of the property: same seed and runs, same list. */
export function propertyParameters(seed: number, numRuns: number) {
  return {
    seed,
    numRuns,
    examples: HOSTILE_CREATE_SESSION_REQUESTS.map((e) => [e] as [InvalidCreateSessionRequest]),
    maxSkipsPerRun: 1_000,
  };
}

export interface Scheduled {
  readonly sent: InvalidCreateSessionRequest[];
  /** Fixed requests that are not sent, with the reason. */
  readonly leftOut: { readonly req: InvalidCreateSessionRequest; readonly reason: string }[];
}

/** The requests a run sends when every one of them gets a 4xx (nothing to shrink). */
export function scheduleNegative(
  seed: number,
  numRuns: number,
  password: string,
  loginBudget: number,
): Scheduled {
  const out: Scheduled = { sent: [], leftOut: [] };
  if (numRuns === 0) return out;
  let loginLeft = loginBudget;
  fc.check(
    fc.property(invalidRequests, (req) => {
      const reason = leftOutBecause(req, password, loginLeft);
      if (reason !== undefined && isFixed(req)) out.leftOut.push({ req, reason });
      fc.pre(reason === undefined);
      if (carriesCredentials(req)) loginLeft--;
      out.sent.push(req);
      return true;
    }),
    propertyParameters(seed, numRuns),
  );
  return out;
}
