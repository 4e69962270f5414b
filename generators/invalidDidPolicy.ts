import fc from 'fast-check';
import type { DidPolicyRuleId } from '../src/spec/rules/index.js';
import { LOWER, stringOf } from './_internals/chars.js';
import { did } from './_internals/did.js';
import { localhostDid, port } from './_internals/didParts.js';
import { hostname } from './_internals/handlePlans.js';
import type { Labelled } from './_internals/types.js';
import { unionOf } from './_internals/union.js';

/** @public */
export interface InvalidDidPolicyConstraints {
  /** Only DIDs that break this rule (default: a union over every policy rule). */
  readonly rule?: DidPolicyRuleId;
}

function labelled(value: string, ...violates: DidPolicyRuleId[]): Labelled<DidPolicyRuleId> {
  return { value, violates };
}

const pathSegments = fc
  .array(stringOf(`${LOWER}0123456789._-`, 1, 12), { minLength: 1, maxLength: 3 })
  .map((segments) => segments.join(':'));

const CASES: Readonly<Record<DidPolicyRuleId, fc.Arbitrary<Labelled<DidPolicyRuleId>>>> = {
  'did.plc.identifier-format': did({ trait: 'plc-any-length' }).map((d) =>
    labelled(d, 'did.plc.identifier-format'),
  ),
  'did.web.hostname-only': fc
    .tuple(
      fc.oneof(
        hostname.map((h) => `did:web:${h}`),
        localhostDid,
      ),
      pathSegments,
    )
    .map(([d, path]) => labelled(`${d}:${path}`, 'did.web.hostname-only')),
  'did.web.port-localhost-only': fc
    .tuple(hostname, fc.constantFrom('%3A', '%3a'), port)
    .map(([host, colon, p]) =>
      labelled(`did:web:${host}${colon}${p}`, 'did.web.port-localhost-only'),
    ),
};

/**
 * Syntactically valid DIDs that break the policy of a blessed method, each labelled with exactly
 * the policy rules it breaks: did:plc of the wrong length or alphabet, did:web with a path, and
 * did:web with a port on a host other than `localhost`. Checked on the DID a live server returns.
 *
 * @remarks https://atproto.com/specs/did ("Blessed DID Methods")
 * @public
 */
export function invalidDidPolicy(
  constraints: InvalidDidPolicyConstraints = {},
): fc.Arbitrary<Labelled<DidPolicyRuleId>> {
  const { rule } = constraints;
  return rule === undefined ? unionOf(CASES) : CASES[rule];
}
