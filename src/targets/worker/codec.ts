import { deserialize, serialize } from 'node:v8';
import { type CompactVerdicts, OUTCOME_CODES, type Verdict } from '../../contract/validator.js';

/*
 * Values encoded once and read by many threads: `v8.serialize` is the format of structured
 * clone, so every reader decodes the same values a postMessage would give it. The bytes live in
 * a SharedArrayBuffer: posting them to another thread copies nothing.
 */

const VALID: Verdict = { outcome: 'valid' };
const INVALID: Verdict = { outcome: 'invalid' };

/** Bytes in a SharedArrayBuffer, so that every thread they are posted to reads the same memory. */
function shared(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

export interface Encoded {
  readonly bytes: Uint8Array;
  /** Values that cannot be copied (encoded as undefined), with the reason. */
  readonly uncopyable: ReadonlyMap<number, string>;
}

/** Encodes values for many threads; a value that cannot be copied is left out, alone. */
export function encodeValues(values: readonly unknown[]): Encoded {
  try {
    return { bytes: shared(serialize(values)), uncopyable: new Map() };
  } catch {
    const uncopyable = new Map<number, string>();
    const kept = values.map((value, i) => {
      try {
        serialize(value);
        return value;
      } catch (err) {
        uncopyable.set(i, err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err));
        return undefined;
      }
    });
    return { bytes: shared(serialize(kept)), uncopyable };
  }
}

export function decodeValues(bytes: Uint8Array): unknown[] {
  return deserialize(bytes) as unknown[];
}

/** The byte of a verdict; 'other' verdicts go in the sparse list too. */
export function codeOf(verdict: Verdict): number {
  if (verdict.outcome === 'valid') return OUTCOME_CODES.valid;
  if (verdict.outcome === 'invalid' && verdict.errors === undefined) return OUTCOME_CODES.invalid;
  return OUTCOME_CODES.other;
}

/** Records verdict `i` of a compact answer. */
export function record(
  outcomes: Uint8Array,
  other: [number, Verdict][],
  i: number,
  verdict: Verdict,
): void {
  const code = codeOf(verdict);
  outcomes[i] = code;
  if (code === OUTCOME_CODES.other) other.push([i, verdict]);
}

/** Verdict `i` of a compact answer, looked up in `other` for the rare non-plain ones. */
export function verdictAt(
  compact: CompactVerdicts,
  i: number,
  other?: ReadonlyMap<number, Verdict>,
): Verdict | undefined {
  switch (compact.outcomes[i]) {
    case OUTCOME_CODES.valid:
      return VALID;
    case OUTCOME_CODES.invalid:
      return INVALID;
    case OUTCOME_CODES.other:
      return other?.get(i) ?? compact.other.find(([j]) => j === i)?.[1];
    default:
      return undefined;
  }
}
