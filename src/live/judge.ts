import { coherenceViolations } from '../spec/coherence.js';
import { isPlainObject } from '../spec/data-model.js';
import { didPolicyViolations } from '../spec/did.js';
import { INVALID_HANDLE } from '../spec/handle.js';
import { decodeJwt } from '../spec/jwt.js';
import {
  COHERENCE_RULES,
  type CoherenceRuleId,
  DID_POLICY_RULES,
  type DidPolicyRuleId,
  type RuleId,
} from '../spec/rules/index.js';
import { type SessionKind, sessionViolations } from '../spec/session.js';
import type { Exchanged } from './client.js';
import { evidence, type LiveContext } from './context.js';
import { isJsonContentType } from './evidence.js';

/*
 * Judging a successful session response: content type and schema (the `session` /
 * `getSession` rules of the oracle, reported under the endpoint's response-schema rule), then
 * each coherence and DID policy rule under its own ID. Rules whose fields are absent (no didDoc,
 * no status, a DID of another method) are skipped with the reason.
 */

export function judgeContentType(ctx: LiveContext, rule: RuleId, ex: Exchanged): void {
  const { contentType } = ex.response;
  if (isJsonContentType(contentType)) ctx.ledger.pass(rule);
  else {
    const got = contentType === undefined ? 'no Content-Type' : JSON.stringify(contentType);
    ctx.ledger.fail(rule, `expected application/json, got ${got}`, evidence(ctx, ex));
  }
}

/** Judges the body against the oracle; returns it when it is an object. */
export function judgeSchema(
  ctx: LiveContext,
  rule: RuleId,
  kind: SessionKind,
  ex: Exchanged,
): Record<string, unknown> | undefined {
  const body = ex.response.json;
  if (body === undefined) {
    ctx.ledger.fail(rule, 'the body is not JSON', evidence(ctx, ex));
    return undefined;
  }
  const violations = sessionViolations(kind, body);
  if (violations.length === 0) ctx.ledger.pass(rule);
  else {
    ctx.ledger.fail(rule, `the ${kind} body breaks ${violations.join(', ')}`, {
      ...evidence(ctx, ex),
      counterexample: {
        kind,
        value: ctx.redactor.value(body),
        expected: false,
        actual: true,
        violates: violations,
      },
    });
  }
  return isPlainObject(body) ? body : undefined;
}

/** The coherence rules about the tokens, from the catalogue. */
const TOKEN_RULES: readonly CoherenceRuleId[] = COHERENCE_RULES.map((r) => r.id).filter((id) =>
  id.startsWith('coherence.token.'),
);

/** Why a coherence rule does not apply to this body, or undefined when it does. */
function notApplicable(id: CoherenceRuleId, body: Record<string, unknown>): string | undefined {
  const { accessJwt, refreshJwt, didDoc, handle, status } = body;
  if (TOKEN_RULES.includes(id)) {
    if (id === 'coherence.token.access-typ' && typeof accessJwt !== 'string') {
      return 'no access token in the response';
    }
    if (id === 'coherence.token.refresh-typ' && typeof refreshJwt !== 'string') {
      return 'no refresh token in the response';
    }
    return typeof accessJwt === 'string' || typeof refreshJwt === 'string'
      ? undefined
      : 'no tokens in the response';
  }
  if (id === 'coherence.did-doc.id-is-did' || id === 'coherence.did-doc.aka-handle') {
    if (!isPlainObject(didDoc)) return 'the session has no didDoc (the server does not send one)';
    if (
      id === 'coherence.did-doc.aka-handle' &&
      (typeof handle !== 'string' || handle === INVALID_HANDLE)
    ) {
      return 'the session has no usable handle';
    }
    return undefined;
  }
  if (id === 'coherence.handle.lowercase') {
    return typeof handle === 'string' ? undefined : 'the session has no handle';
  }
  if (id === 'coherence.status.inactive') {
    return typeof status === 'string' ? undefined : 'the session has no status';
  }
  return undefined;
}

/** Decoded token headers and claims (never the signature), to explain a token failure. */
function tokenDetails(body: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const field of ['accessJwt', 'refreshJwt'] as const) {
    const jwt = decodeJwt(body[field]);
    if (body[field] === undefined) continue;
    parts.push(
      jwt === undefined
        ? `${field} is not a compact JWT`
        : `${field} header ${JSON.stringify(jwt.header)} claims ${JSON.stringify(jwt.payload)}`,
    );
  }
  return parts.join('; ');
}

export function judgeCoherence(
  ctx: LiveContext,
  label: string,
  body: Record<string, unknown>,
  ex: Exchanged,
): void {
  const broken = new Set(coherenceViolations(body));
  for (const rule of COHERENCE_RULES) {
    const reason = notApplicable(rule.id, body);
    if (reason !== undefined) {
      ctx.ledger.skip(rule.id, reason);
      continue;
    }
    if (!broken.has(rule.id)) {
      ctx.ledger.pass(rule.id);
      continue;
    }
    const details = TOKEN_RULES.includes(rule.id) ? ` (${tokenDetails(body)})` : '';
    ctx.ledger.fail(rule.id, `the ${label} session breaks it${details}`, evidence(ctx, ex));
  }
}

const POLICY_METHOD: Readonly<Record<DidPolicyRuleId, string>> = {
  'did.plc.identifier-format': 'did:plc:',
  'did.web.hostname-only': 'did:web:',
  'did.web.port-localhost-only': 'did:web:',
};

export function judgeDidPolicy(ctx: LiveContext, did: unknown, ex: Exchanged): void {
  if (typeof did !== 'string') {
    for (const rule of DID_POLICY_RULES) ctx.ledger.skip(rule.id, 'the session has no string did');
    return;
  }
  const broken = new Set(didPolicyViolations(did));
  for (const rule of DID_POLICY_RULES) {
    const prefix = POLICY_METHOD[rule.id];
    if (!did.startsWith(prefix)) {
      ctx.ledger.skip(rule.id, `the account DID is not ${prefix.slice(0, -1)}`);
    } else if (broken.has(rule.id)) {
      ctx.ledger.fail(
        rule.id,
        `the session did ${JSON.stringify(did)} breaks it`,
        evidence(ctx, ex),
      );
    } else ctx.ledger.pass(rule.id);
  }
}
