import type { RuleId } from '../../spec/rules/index.js';
import type { SessionKind } from '../../spec/session.js';
import type { Exchanged } from '../client.js';
import { evidence, type LiveContext } from '../context.js';
import { describeResponse } from '../evidence.js';
import { judgeContentType, judgeSchema } from '../judge.js';
import type { FlowState, Judge } from './judge.js';

/*
 * A request that must succeed: 200, application/json, a body the oracle accepts. What the step
 * then checks in the body (`then`) runs only on an object body; its rules are skipped otherwise.
 */

export interface SuccessRules {
  readonly status: RuleId;
  readonly contentType: RuleId;
  readonly schema: RuleId;
}

export interface BodyJudge {
  readonly rules: readonly RuleId[];
  readonly run: (
    ctx: LiveContext,
    body: Record<string, unknown>,
    ex: Exchanged,
    state: FlowState,
  ) => void;
}

export function success(
  what: string,
  rules: SuccessRules,
  kind: SessionKind,
  then: BodyJudge,
): Judge {
  const after = [rules.contentType, rules.schema, ...then.rules];
  return {
    rules: [rules.status, ...after],
    run: (ctx, ex, state) => {
      if (ex.response.status !== 200) {
        ctx.ledger.fail(
          rules.status,
          `${what}: expected 200, got ${describeResponse(ex)}`,
          evidence(ctx, ex),
        );
        for (const id of after) ctx.ledger.skip(id, `${what} did not succeed`);
        return;
      }
      ctx.ledger.pass(rules.status);
      judgeContentType(ctx, rules.contentType, ex);
      const body = judgeSchema(ctx, rules.schema, kind, ex);
      if (body === undefined) {
        for (const id of then.rules) ctx.ledger.skip(id, `the ${what} body is not an object`);
        return;
      }
      then.run(ctx, body, ex, state);
    },
  };
}

/** Several body judges, in order. */
export function each(...judges: readonly BodyJudge[]): BodyJudge {
  return {
    rules: judges.flatMap((j) => j.rules),
    run: (ctx, body, ex, state) => {
      for (const j of judges) j.run(ctx, body, ex, state);
    },
  };
}
