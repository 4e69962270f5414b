import type fc from 'fast-check';
import { buildDidDoc, didDocParams } from './_internals/didDocParts.js';
import type { JsonObject } from './_internals/types.js';

/** @public */
export interface DidDocConstraints {
  /** The DID the document describes (its `id` and key `controller`). */
  readonly did: string;
  /** The handle it claims, as `at://<handle>` first in `alsoKnownAs`. */
  readonly handle: string;
}

/**
 * DID documents coherent with a DID and handle: `id`, `alsoKnownAs` with `at://<handle>`, a
 * `Multikey` verification method `#atproto` (secp256k1 or P-256), the `#atproto_pds` service, ids
 * relative or absolute, and sometimes an extra member holding integers (never floats).
 *
 * @remarks https://atproto.com/specs/did ("DID Documents")
 * @public
 */
export function didDoc(constraints: DidDocConstraints): fc.Arbitrary<JsonObject> {
  const { did, handle } = constraints;
  return didDocParams.map((p) => buildDidDoc(did, handle, p));
}
