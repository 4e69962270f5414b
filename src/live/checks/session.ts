import { COHERENCE_RULES, DID_POLICY_RULES, type RuleId } from '../../spec/rules/index.js';
import { evidence } from '../context.js';
import { judgeCoherence, judgeDidPolicy } from '../judge.js';
import { asSession, type FlowState } from './judge.js';
import type { BodyJudge } from './success.js';

/*
 * What a successful session body is judged on besides its schema: its coherence with itself,
 * the account DID's method policy, and what the flow keeps of it for the next steps.
 */

export function coherent(label: string): BodyJudge {
  return {
    rules: COHERENCE_RULES.map((r) => r.id),
    run: (ctx, body, ex) => judgeCoherence(ctx, label, body, ex),
  };
}

export function didPolicy(): BodyJudge {
  return {
    rules: DID_POLICY_RULES.map((r) => r.id),
    run: (ctx, body, ex) => judgeDidPolicy(ctx, body.did, ex),
  };
}

/** Keeps the session for later steps (no rules of its own). */
export function remember(slot: 'login' | 'rotated'): BodyJudge {
  return {
    rules: [],
    run: (_ctx, body, _ex, state: FlowState) => {
      const session = asSession(body);
      if (session !== undefined) state[slot] = session;
    },
  };
}

/** refreshSession hands out a new refresh token, not the one it was given. */
export function rotates(rule: RuleId): BodyJudge {
  return {
    rules: [rule],
    run: (ctx, body, ex, state) => {
      const next = asSession(body);
      if (next === undefined) ctx.ledger.skip(rule, 'refreshSession returned no refresh token');
      else if (next.refreshJwt === state.login?.refreshJwt) {
        ctx.ledger.fail(
          rule,
          'refreshSession returned the refresh token it was given',
          evidence(ctx, ex),
        );
      } else ctx.ledger.pass(rule);
    },
  };
}
