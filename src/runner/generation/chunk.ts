import type { EncodedCases } from '../../contract/validator.js';
import type { RuleId } from '../../spec/rules/index.js';
import type { Kind } from '../../spec/rules/types.js';
import { decodeValues, encodeValues } from '../../targets/worker/codec.js';
import type { LabelledCase } from '../case.js';

/*
 * A chunk of a rule's generated cases, as the main thread holds it: what it needs to judge
 * verdicts (each case's kind and validity), the values encoded once for every target that takes
 * them encoded, and the whole cases decoded only when asked (targets without the fast path, a
 * finding).
 */

/** Index of a kind that is not to be validated (a value that cannot be copied). */
export const NOT_SENT = 255;

export interface CaseChunk {
  /** Index of the first case among the rule's generated cases (its replay path). */
  readonly start: number;
  readonly count: number;
  readonly kinds: readonly Kind[];
  /** Each case's kind, as an index into `kinds`. */
  readonly kindIndex: Uint8Array;
  /** 1 where the case must be accepted. */
  readonly valid: Uint8Array;
  encoded(): EncodedChunk;
  cases(): readonly LabelledCase[];
}

export interface EncodedChunk {
  readonly cases: EncodedCases;
  /** Cases whose value cannot be copied (not sent: NOT_SENT kind), with the reason. */
  readonly uncopyable: ReadonlyMap<number, string>;
}

/** A chunk as it crosses from the generation thread: bytes and small typed arrays. */
export interface ChunkParts {
  readonly start: number;
  readonly kinds: readonly Kind[];
  readonly kindIndex: Uint8Array;
  readonly valid: Uint8Array;
  readonly values: Uint8Array;
  /** `v8.serialize` of each case's [violates, cause]. */
  readonly meta: Uint8Array;
}

function labels(cases: readonly LabelledCase[]) {
  const kinds: Kind[] = [];
  const kindIndex = new Uint8Array(cases.length);
  const valid = new Uint8Array(cases.length);
  for (const [i, c] of cases.entries()) {
    let k = kinds.indexOf(c.kind);
    if (k < 0) k = kinds.push(c.kind) - 1;
    kindIndex[i] = k;
    valid[i] = c.valid ? 1 : 0;
  }
  return { kinds, kindIndex, valid };
}

function encode(cases: readonly LabelledCase[], kinds: readonly Kind[], kindIndex: Uint8Array) {
  const { bytes, uncopyable } = encodeValues(cases.map((c) => c.value));
  let sent = kindIndex;
  if (uncopyable.size > 0) {
    sent = kindIndex.slice();
    for (const i of uncopyable.keys()) sent[i] = NOT_SENT;
  }
  return { cases: { values: bytes, kindIndex: sent, kinds }, uncopyable };
}

/** A chunk of cases generated on this thread: encoded when a target first asks. */
export function localChunk(cases: readonly LabelledCase[], start: number): CaseChunk {
  const { kinds, kindIndex, valid } = labels(cases);
  let encoded: EncodedChunk | undefined;
  return {
    start,
    count: cases.length,
    kinds,
    kindIndex,
    valid,
    encoded: () => {
      encoded ??= encode(cases, kinds, kindIndex);
      return encoded;
    },
    cases: () => cases,
  };
}

/** Encodes a chunk in the generation thread, for the main thread and every target. */
export function chunkParts(cases: readonly LabelledCase[], start: number): ChunkParts {
  const { kinds, kindIndex, valid } = labels(cases);
  const { bytes } = encodeValues(cases.map((c) => c.value));
  const meta = encodeValues(cases.map((c) => [c.violates, c.cause]));
  return { start, kinds, kindIndex, valid, values: bytes, meta: meta.bytes };
}

/** The main thread's view of a chunk from the generation thread: cases decoded on demand. */
export function partsChunk(parts: ChunkParts): CaseChunk {
  const { start, kinds, kindIndex, valid } = parts;
  const encoded: EncodedChunk = {
    cases: { values: parts.values, kindIndex, kinds },
    uncopyable: new Map(),
  };
  let cases: LabelledCase[] | undefined;
  const decode = (): LabelledCase[] => {
    const values = decodeValues(parts.values);
    const meta = decodeValues(parts.meta) as [readonly RuleId[], string | undefined][];
    return values.map((value, i) => {
      const [violates, cause] = meta[i] as [readonly RuleId[], string | undefined];
      const kind = kinds[kindIndex[i] as number] as Kind;
      const c = { kind, value, valid: valid[i] === 1, violates };
      return cause === undefined ? c : { ...c, cause };
    });
  };
  return {
    start,
    count: kindIndex.length,
    kinds,
    kindIndex,
    valid,
    encoded: () => encoded,
    cases: () => {
      cases ??= decode();
      return cases;
    },
  };
}
