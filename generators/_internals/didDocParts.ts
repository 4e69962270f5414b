import fc from 'fast-check';
import { BASE58, stringOf } from './chars.js';
import { port } from './didParts.js';
import { hostname } from './handlePlans.js';
import { jsonObject, jsonValue } from './json.js';
import type { JsonObject } from './types.js';

/*
 * DID documents as atproto resolves them (https://atproto.com/specs/did, "DID Documents"): `id`
 * is the DID, `alsoKnownAs` holds `at://<handle>`, the signing key is a `Multikey`
 * verification method with id ending `#atproto`, and the PDS is the `#atproto_pds` service.
 */

/** @internal What varies between documents of the same DID and handle. */
export interface DidDocParams {
  readonly curve: 'k256' | 'p256';
  readonly absoluteIds: boolean;
  readonly key: string;
  readonly pds: string;
  readonly otherNames: readonly string[];
  readonly extension: JsonObject | null;
}

const CONTEXT = ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'];
const SUITE = {
  k256: { context: 'https://w3id.org/security/suites/secp256k1-2019/v1', prefix: 'zQ3sh' },
  p256: { context: 'https://w3id.org/security/suites/ecdsa-2019/v1', prefix: 'zDnae' },
};

/** @internal */
export const didDocParams: fc.Arbitrary<DidDocParams> = fc.record(
  {
    curve: fc.constantFrom('k256', 'p256'),
    absoluteIds: fc.boolean(),
    key: stringOf(BASE58, 44, 44),
    pds: fc
      .tuple(hostname, fc.option(port, { nil: undefined }))
      .map(([h, p]) => (p === undefined ? `https://${h}` : `http://${h}:${p}`)),
    otherNames: fc.array(
      hostname.map((h) => `at://${h}`),
      { maxLength: 2 },
    ),
    // Documents are atproto data: integers and nesting are fine, floats are not.
    extension: fc.option(
      fc.oneof(
        jsonObject(1),
        fc.record(
          { version: fc.integer({ min: 0, max: 9 }), data: jsonValue },
          { noNullPrototype: true },
        ),
      ),
      { nil: null, freq: 4 },
    ),
  },
  { noNullPrototype: true },
);

/** @internal A document for `did` that claims `handle` (first in `alsoKnownAs`). */
export function buildDidDoc(did: string, handle: string, p: DidDocParams): JsonObject {
  const suite = SUITE[p.curve];
  const doc: JsonObject = {
    '@context': [...CONTEXT, suite.context],
    id: did,
    alsoKnownAs: [`at://${handle}`, ...p.otherNames],
    verificationMethod: [
      {
        id: p.absoluteIds ? `${did}#atproto` : '#atproto',
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: `${suite.prefix}${p.key}`,
      },
    ],
    service: [
      {
        id: p.absoluteIds ? `${did}#atproto_pds` : '#atproto_pds',
        type: 'AtprotoPersonalDataServer',
        serviceEndpoint: p.pds,
      },
    ],
  };
  if (p.extension !== null) doc.extension = p.extension;
  return doc;
}
