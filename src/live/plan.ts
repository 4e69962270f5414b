import { carriesCredentials, requestBodyText } from '../../generators/xrpc/index.js';
import { plannedBearer } from './bearers.js';
import { negativeLabel } from './negative.js';
import { negativeRuns, scheduleNegative } from './negative-schedule.js';
import { DESCRIBE_SERVER, HEALTH, PROBE_LABELS } from './probe.js';
import { REFRESH_PLACEHOLDER } from './redact.js';
import { JSON_HEADERS, NSID, unknownIdentifier } from './requests.js';
import { FLOW, type LiveStep, loginBody } from './steps.js';

/*
 * `--dry-run`: every request a run would make, in order, with secrets shown as the variables a
 * curl command would use. Nothing is sent. It walks the same step table as the run and picks
 * the invalid requests through the same gate, so it is the list a run sends when every check
 * can run; a run sends fewer when a step fails, and a few more while shrinking a failure.
 */

export type PlannedBudget = 'createSession' | 'invalid-request' | 'createSession + invalid-request';

export interface PlannedRequest {
  /** The step (or invalid-request label) that sends it, as the run's history names it. */
  readonly step: string;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Which budget pays for it, if any. */
  readonly budget?: PlannedBudget;
  readonly note: string;
  /** Set when the run leaves it out, with the reason. */
  readonly leftOut?: string;
}

export interface PlanOptions {
  readonly url: string;
  readonly identifier: string;
  readonly password: string;
  readonly budget: number;
  readonly negativeBudget: number;
  readonly seed: number;
}

export const RANDOM_PASSWORD = '<random wrong password>';
const BUDGET_NAME = { login: 'createSession', negative: 'invalid-request' } as const;
export const CLEANUP_STEP = 'cleanup/delete-session';

function planStep(step: LiveStep, opts: PlanOptions): PlannedRequest {
  const url = `${opts.url}/xrpc/${step.nsid}`;
  const bearer = step.bearer === undefined ? undefined : plannedBearer(step.bearer);
  const wrong = { identifier: unknownIdentifier(opts.identifier), password: RANDOM_PASSWORD };
  const body = step.body === undefined ? undefined : loginBody(step.body, opts, wrong);
  const budget = step.budget === undefined ? undefined : BUDGET_NAME[step.budget];
  return {
    step: step.name,
    method: step.method,
    url,
    headers: {
      ...(body === undefined ? {} : JSON_HEADERS),
      ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
    },
    ...(body === undefined ? {} : { body }),
    ...(budget === undefined ? {} : { budget }),
    note: step.note,
  };
}

export function planRequests(opts: PlanOptions): PlannedRequest[] {
  const url = (nsid: string): string => `${opts.url}/xrpc/${nsid}`;
  const plan: PlannedRequest[] = [
    {
      step: PROBE_LABELS[0],
      method: 'GET',
      url: url(DESCRIBE_SERVER),
      headers: {},
      note: 'is this a PDS?',
    },
    {
      step: PROBE_LABELS[1],
      method: 'GET',
      url: url(HEALTH),
      headers: {},
      note: 'server version, if it says',
    },
  ];
  const left = { login: opts.budget, negative: opts.negativeBudget };
  for (const step of FLOW) {
    const planned = planStep(step, opts);
    if (step.budget !== undefined && left[step.budget] === 0) {
      plan.push({ ...planned, leftOut: `the ${planned.budget} budget is spent` });
      continue;
    }
    if (step.budget !== undefined) left[step.budget]--;
    plan.push(planned);
  }
  const runs = negativeRuns(left.negative);
  const scheduled = scheduleNegative(opts.seed, runs, opts.password, left.login);
  const invalid = (req: (typeof scheduled.sent)[number], leftOut?: string): PlannedRequest => ({
    step: negativeLabel(req),
    method: 'POST',
    url: url(NSID.create),
    headers: req.contentType === null ? {} : { 'content-type': req.contentType },
    body: requestBodyText(req),
    budget: carriesCredentials(req) ? 'createSession + invalid-request' : 'invalid-request',
    note: `invalid request: ${req.mutation} (must be 4xx)`,
    ...(leftOut === undefined ? {} : { leftOut }),
  });
  for (const req of scheduled.sent) plan.push(invalid(req));
  for (const { req, reason } of scheduled.leftOut) plan.push(invalid(req, reason));
  plan.push({
    step: CLEANUP_STEP,
    method: 'POST',
    url: url(NSID.delete),
    headers: { authorization: `Bearer ${REFRESH_PLACEHOLDER}` },
    note: 'cleanup: deleteSession with every refresh token the run saw',
  });
  return plan;
}
