import { isDeepStrictEqual } from 'node:util';
import type { RuleId } from '../../spec/rules/index.js';
import type { Exchanged } from '../client.js';
import { evidence, type LiveContext } from '../context.js';
import { describeResponse, is2xx } from '../evidence.js';
import type { Judge } from './judge.js';

/*
 * Wrong logins must be refused with 401, and a wrong password must look exactly like an unknown
 * identifier, so that logins cannot probe which accounts exist. And deleteSession must end the
 * session, which the use-after-free step then checks.
 */

function judge401(ctx: LiveContext, rule: RuleId, what: string, ex: Exchanged): void {
  if (ex.response.status === 401) ctx.ledger.pass(rule);
  else
    ctx.ledger.fail(rule, `${what}: expected 401, got ${describeResponse(ex)}`, evidence(ctx, ex));
}

function shown(ex: Exchanged): string {
  const { status, json, text } = ex.response;
  return `${status} ${json !== undefined ? JSON.stringify(json) : JSON.stringify(text.slice(0, 200))}`;
}

export function wrongPasswordLogin(rule: RuleId): Judge {
  return {
    rules: [rule],
    run: (ctx, ex, state) => {
      judge401(ctx, rule, 'wrong password', ex);
      state.wrongLogin = ex;
    },
  };
}

export function unknownIdentifierLogin(rule: RuleId, enumeration: RuleId): Judge {
  return {
    rules: [rule, enumeration],
    run: (ctx, ex, state) => {
      judge401(ctx, rule, 'unknown identifier', ex);
      const wrong = state.wrongLogin;
      if (wrong === undefined) return;
      const same =
        wrong.response.status === ex.response.status &&
        (wrong.response.json !== undefined
          ? isDeepStrictEqual(wrong.response.json, ex.response.json)
          : wrong.response.text === ex.response.text);
      if (same) ctx.ledger.pass(enumeration);
      else {
        ctx.ledger.fail(
          enumeration,
          `a wrong password got ${shown(wrong)}, an unknown identifier got ${shown(ex)}`,
          evidence(ctx, ex),
        );
      }
    },
  };
}

/** deleteSession with the refresh token: 2xx, and the session is gone from the cleanup list. */
export function deleted(rule: RuleId): Judge {
  return {
    rules: [rule],
    run: (ctx, ex, state) => {
      const session = state.rotated ?? state.login;
      if (is2xx(ex.response.status) && session !== undefined) {
        ctx.client.sessions.delete(session.refreshJwt);
        state.deleted = session;
        ctx.ledger.pass(rule);
      } else {
        ctx.ledger.fail(
          rule,
          `with the refresh token: expected 2xx, got ${describeResponse(ex)}`,
          evidence(ctx, ex),
        );
      }
    },
  };
}
