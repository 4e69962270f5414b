import { type Bearer, bearerValue, type SessionRef, type TokenType } from './bearers.js';
import type { FlowState, SessionSeen } from './checks/judge.js';
import type { XrpcRequest } from './client.js';
import { type LiveContext, send, step } from './context.js';
import { JSON_HEADERS, unknownIdentifier, wrongPassword } from './requests.js';
import { FLOW, type LiveStep, loginBody, NEED_REASON, type Need } from './steps.js';

/*
 * The real run of the step table: each step whose needs are met is sent and judged in order;
 * the others have their rules skipped with the reason.
 */

function met(need: Need, state: FlowState): boolean {
  switch (need) {
    case 'login':
      return state.login !== undefined;
    case 'rotated':
      return state.rotated !== undefined;
    case 'deleted':
      return state.deleted !== undefined;
    case 'wrong-login':
      return state.wrongLogin !== undefined;
  }
}

function sessionOf(of: SessionRef, state: FlowState): SessionSeen | undefined {
  if (of === 'latest') return state.rotated ?? state.login;
  return state[of];
}

function bearerOf(ctx: LiveContext, bearer: Bearer, state: FlowState): string | undefined {
  const tokens = (type: TokenType, of: SessionRef): string | undefined => {
    const session = sessionOf(of, state);
    return type === 'access' ? session?.accessJwt : session?.refreshJwt;
  };
  return bearerValue(bearer, tokens, ctx.redactor);
}

export function requestOf(ctx: LiveContext, s: LiveStep, state: FlowState): XrpcRequest {
  const body =
    s.body === undefined
      ? undefined
      : loginBody(s.body, ctx, {
          identifier: unknownIdentifier(ctx.identifier),
          password: wrongPassword(ctx.password),
        });
  const bearer = s.bearer === undefined ? undefined : bearerOf(ctx, s.bearer, state);
  const budget =
    s.budget === 'login' ? ctx.login : s.budget === 'negative' ? ctx.negative : undefined;
  return {
    method: s.method,
    nsid: s.nsid,
    label: s.name,
    ...(body === undefined ? {} : { body, headers: JSON_HEADERS }),
    ...(bearer === undefined ? {} : { bearer }),
    ...(budget === undefined ? {} : { budgets: [budget] }),
  };
}

export async function runFlow(ctx: LiveContext): Promise<void> {
  const state: FlowState = {};
  for (const s of FLOW) {
    if (s.needs !== undefined && !met(s.needs, state)) {
      for (const id of s.judge.rules) ctx.ledger.skip(id, NEED_REASON[s.needs]);
      continue;
    }
    ctx.progress(s.note);
    await step(ctx, s.judge.rules, async () => {
      const ex = await send(ctx, requestOf(ctx, s, state));
      s.judge.run(ctx, ex, state);
    });
  }
}
