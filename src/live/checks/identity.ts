import { decodeJwt } from '../../spec/jwt.js';
import type { RuleId } from '../../spec/rules/index.js';
import { evidence } from '../context.js';
import type { SessionSeen } from './judge.js';
import type { BodyJudge } from './success.js';

/*
 * Identity continuity: every answer after the login names the account that logged in. The login
 * session is the reference: its `did` always, its `handle` unless the server confirms a new one,
 * and its `email` when it sent one.
 */

type Field = 'did' | 'handle' | 'email';

/** `field: expected -> got` for each field that differs, or [] when the account is the same. */
function differences(
  expected: SessionSeen,
  body: Record<string, unknown>,
  fields: readonly Field[],
): string[] {
  return fields
    .filter((f) => f !== 'email' || typeof expected.email === 'string')
    .filter((f) => body[f] !== expected[f])
    .map((f) => `${f} ${JSON.stringify(expected[f])} -> ${JSON.stringify(body[f])}`);
}

/**
 * The body names the logged-in account: its did, its email when login sent one, and its handle,
 * or the new handle refreshSession reported when this body confirms it.
 */
export function sameAccountAsLogin(
  rule: RuleId,
  what: string,
  fields: readonly Field[] = ['did', 'handle', 'email'],
): BodyJudge {
  return {
    rules: [rule],
    run: (ctx, body, ex, state) => {
      const login = state.login;
      if (login === undefined) return;
      // A handle refreshSession reported and getSession now confirms is the account's new one.
      const rotatedHandle = state.rotated?.handle;
      const expected =
        rotatedHandle !== undefined && body.handle === rotatedHandle
          ? { ...login, handle: rotatedHandle }
          : login;
      const diff = differences(expected, body, fields);
      if (diff.length === 0) ctx.ledger.pass(rule);
      else {
        ctx.ledger.fail(
          rule,
          `${what} names another account than createSession: ${diff.join(', ')}`,
          evidence(ctx, ex),
        );
      }
    },
  };
}

/**
 * refreshSession keeps the account: the same did now; a new handle is judged once getSession
 * with the new access token has answered (`confirmHandle`).
 */
export function refreshKeepsAccount(rule: RuleId): BodyJudge {
  return {
    rules: [rule],
    run: (ctx, body, ex, state) => {
      const login = state.login;
      if (login === undefined) return;
      const diff = differences(login, body, ['did']);
      if (diff.length > 0) {
        const message = `refreshSession changed the account: ${diff.join(', ')}`;
        ctx.ledger.fail(rule, message, evidence(ctx, ex));
      } else if (body.handle === login.handle) ctx.ledger.pass(rule);
    },
  };
}

/** A handle refreshSession changed stands only if getSession with the new token agrees. */
export function confirmHandle(rule: RuleId): BodyJudge {
  return {
    rules: [rule],
    run: (ctx, body, ex, state) => {
      const { login, rotated } = state;
      if (login === undefined || rotated === undefined || rotated.handle === login.handle) return;
      if (body.handle === rotated.handle) ctx.ledger.pass(rule);
      else {
        ctx.ledger.fail(
          rule,
          `refreshSession changed the handle ${JSON.stringify(login.handle)} -> ${JSON.stringify(rotated.handle)}, but getSession with the new token says ${JSON.stringify(body.handle)}`,
          evidence(ctx, ex),
        );
      }
    },
  };
}

/** Every token in the body has the logged-in account's DID as its `sub`. */
export function tokensOfAccount(rule: RuleId, what: string): BodyJudge {
  return {
    rules: [rule],
    run: (ctx, body, ex, state) => {
      const did = state.login?.did ?? body.did;
      const wrong: string[] = [];
      for (const field of ['accessJwt', 'refreshJwt'] as const) {
        const jwt = decodeJwt(body[field]);
        if (jwt !== undefined && jwt.payload.sub !== did) {
          wrong.push(`${field} sub ${JSON.stringify(jwt.payload.sub)}`);
        }
      }
      if (wrong.length === 0) ctx.ledger.pass(rule);
      else {
        ctx.ledger.fail(
          rule,
          `${what}: the account is ${JSON.stringify(did)}, but ${wrong.join(', ')}`,
          evidence(ctx, ex),
        );
      }
    },
  };
}
