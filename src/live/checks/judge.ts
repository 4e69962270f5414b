import type { RuleId } from '../../spec/rules/index.js';
import type { Exchanged } from '../client.js';
import { evidence, type LiveContext } from '../context.js';
import { describeResponse, errorName, is4xx } from '../evidence.js';

/*
 * How a step judges its response. A judge names the rules it decides, so the step table lists
 * each rule once: the flow skips exactly those rules when a step cannot run.
 */

/** What the run has learned so far, for the steps that need it. */
export interface FlowState {
  /** The session createSession returned. */
  login?: SessionSeen;
  /** The session refreshSession returned. */
  rotated?: SessionSeen;
  /** The session whose refresh token deleteSession revoked. */
  deleted?: SessionSeen;
  /** The wrong-password login, for comparing with the unknown-identifier one. */
  wrongLogin?: Exchanged;
}

export interface SessionSeen {
  readonly accessJwt: string;
  readonly refreshJwt: string;
  readonly did: unknown;
  readonly handle: unknown;
  readonly email: unknown;
}

export interface Judge {
  readonly rules: readonly RuleId[];
  readonly run: (ctx: LiveContext, ex: Exchanged, state: FlowState) => void;
}

export function asSession(body: Record<string, unknown> | undefined): SessionSeen | undefined {
  if (body === undefined) return undefined;
  const { accessJwt, refreshJwt, did, handle, email } = body;
  if (typeof accessJwt !== 'string' || typeof refreshJwt !== 'string') return undefined;
  return { accessJwt, refreshJwt, did, handle, email };
}

/** Passes when the response is a 4xx (and, if given, has one of the error names). */
export function expect4xx(
  ctx: LiveContext,
  rule: RuleId,
  what: string,
  ex: Exchanged,
  names?: readonly string[],
): void {
  const name = errorName(ex);
  if (!is4xx(ex.response.status)) {
    ctx.ledger.fail(
      rule,
      `${what}: expected a 4xx, got ${describeResponse(ex)}`,
      evidence(ctx, ex),
    );
  } else if (names !== undefined && (name === undefined || !names.includes(name))) {
    ctx.ledger.fail(
      rule,
      `${what}: expected error ${names.join(' or ')}, got ${describeResponse(ex)}`,
      evidence(ctx, ex),
    );
  } else ctx.ledger.pass(rule);
}

/** A step whose request must be refused with a 4xx. */
export function refused(rule: RuleId, what: string, names?: readonly string[]): Judge {
  return { rules: [rule], run: (ctx, ex) => expect4xx(ctx, rule, what, ex, names) };
}

/** A request without a token: refused (`ignored`), and with 401 in particular (`missing`). */
export function refusedWithout(ignored: RuleId, missing?: RuleId): Judge {
  return {
    rules: missing === undefined ? [ignored] : [ignored, missing],
    run: (ctx, ex) => {
      expect4xx(ctx, ignored, 'without a token', ex);
      if (missing === undefined) return;
      if (ex.response.status === 401) ctx.ledger.pass(missing);
      else {
        ctx.ledger.fail(
          missing,
          `without an Authorization header: expected 401, got ${describeResponse(ex)}`,
          evidence(ctx, ex),
        );
      }
    },
  };
}
