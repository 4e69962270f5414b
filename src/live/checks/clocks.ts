import { decodeJwt } from '../../spec/jwt.js';
import type { RuleId } from '../../spec/rules/index.js';
import type { Exchanged } from '../client.js';
import { evidence, type LiveContext } from '../context.js';
import type { BodyJudge } from './success.js';

/*
 * Token clocks. `iat` and `exp` are RFC 7519 NumericDates: seconds since the epoch. A value of
 * 10^11 or more (the year 5138 in seconds) is a millisecond timestamp, the `Date.now()` mistake.
 * The bounds below are SHOULD-level and generous around what the reference PDS issues
 * (@atproto/pds 0.4.217: access tokens live 2 hours, refresh tokens 90 days, `iat` is now):
 * `iat` within 5 minutes of the response's Date header (RFC 7519's "a few minutes" of clock
 * skew, plus the header's 1 s resolution), access lifetimes 1 minute to 1 day (a token that
 * expires before it can be used, or a bearer token valid for days), refresh lifetimes 1 hour to
 * 1 year (RFC 9700 asks refresh tokens to expire; a year is four times the reference).
 */

export const MILLISECONDS_FROM = 1e11;
export const CLOCK_SKEW_S = 300;
export const LIFETIME_S = {
  access: { min: 60, max: 86_400 },
  refresh: { min: 3_600, max: 366 * 86_400 },
} as const;

const CLOCK_RULES = {
  numericDate: 'http.session.token-numeric-date',
  issuedNow: 'http.session.token-issued-now',
  lifetime: 'http.session.token-lifetime',
} as const satisfies Record<string, RuleId>;

/** What is wrong with the clocks of a body's tokens, per rule (empty lists: nothing). */
export interface ClockProblems {
  /** JWT-shaped tokens in the body. */
  tokens: number;
  /** Tokens whose iat and exp are both NumericDates, so their clocks can be judged. */
  dated: number;
  numericDate: string[];
  issuedNow: string[];
  lifetime: string[];
}

function isNumericDate(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < MILLISECONDS_FROM
  );
}

function judgeToken(
  field: string,
  type: keyof typeof LIFETIME_S,
  claims: Record<string, unknown>,
  nowS: number | undefined,
  out: ClockProblems,
): void {
  const { iat, exp } = claims;
  for (const [name, value] of [
    ['iat', iat],
    ['exp', exp],
  ] as const) {
    if (value !== undefined && !isNumericDate(value)) {
      const ms = typeof value === 'number' && value >= MILLISECONDS_FROM ? ' (milliseconds?)' : '';
      out.numericDate.push(`${field} ${name} ${JSON.stringify(value)}${ms}`);
    }
  }
  if (!isNumericDate(iat) || !isNumericDate(exp)) return;
  out.dated++;
  if (nowS !== undefined) {
    if (Math.abs(iat - nowS) > CLOCK_SKEW_S) {
      out.issuedNow.push(`${field} iat ${iat} is ${Math.round(iat - nowS)} s from the Date header`);
    }
    if (exp <= nowS) out.issuedNow.push(`${field} exp ${exp} is not after the Date header`);
  }
  const { min, max } = LIFETIME_S[type];
  const lifetime = exp - iat;
  if (lifetime < min || lifetime > max) {
    out.lifetime.push(`${field} lives ${lifetime} s (expected ${min} to ${max} s)`);
  }
}

function report(ctx: LiveContext, rule: RuleId, problems: string[], ex: Exchanged): void {
  if (problems.length === 0) ctx.ledger.pass(rule);
  else ctx.ledger.fail(rule, problems.join('; '), evidence(ctx, ex));
}

/** The clock problems of every JWT-shaped token of a session body, given the server's time. */
export function clockProblems(
  body: Record<string, unknown>,
  nowS: number | undefined,
): ClockProblems {
  const out: ClockProblems = { tokens: 0, dated: 0, numericDate: [], issuedNow: [], lifetime: [] };
  for (const [field, type] of [
    ['accessJwt', 'access'],
    ['refreshJwt', 'refresh'],
  ] as const) {
    const jwt = decodeJwt(body[field]);
    if (jwt === undefined) continue;
    out.tokens++;
    judgeToken(field, type, jwt.payload, nowS, out);
  }
  return out;
}

/** Judges the clocks of every JWT-shaped token in a session body. */
export function tokenClocks(): BodyJudge {
  return {
    rules: Object.values(CLOCK_RULES),
    run: (ctx, body, ex) => {
      const date = Date.parse(ex.response.headers.get('date') ?? '');
      const nowS = Number.isNaN(date) ? undefined : date / 1000;
      const out = clockProblems(body, nowS);
      if (out.tokens === 0) {
        for (const rule of Object.values(CLOCK_RULES)) {
          ctx.ledger.skip(rule, 'no JWT tokens in the response');
        }
        return;
      }
      report(ctx, CLOCK_RULES.numericDate, out.numericDate, ex);
      if (out.dated === 0) {
        const reason = 'no token has NumericDate iat and exp';
        ctx.ledger.skip(CLOCK_RULES.issuedNow, reason);
        ctx.ledger.skip(CLOCK_RULES.lifetime, reason);
        return;
      }
      if (nowS === undefined) {
        ctx.ledger.skip(CLOCK_RULES.issuedNow, 'the response has no Date header');
      } else report(ctx, CLOCK_RULES.issuedNow, out.issuedNow, ex);
      report(ctx, CLOCK_RULES.lifetime, out.lifetime, ex);
    },
  };
}
