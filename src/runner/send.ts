import type { Target, ValidationRequest, Verdict } from '../contract/validator.js';
import { isValidatorKind } from '../harness/protocol.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import { record } from '../targets/worker/codec.js';
import type { CaseChunk } from './generation/chunk.js';
import type { StreamReader } from './stream.js';
import type { ChunkAnswer, SentCase, Tally } from './tally.js';

/*
 * Sends one target the cases of one rule: its examples, then the generated chunks as the stream
 * yields them, a few chunks ahead of the verdicts being judged, so the target never waits for
 * the runner. A target with the encoded fast path gets the same bytes as every other target;
 * the others get `validateBatch` with the cases it supports.
 */

/** Chunks sent to a target before the oldest one's verdicts are judged. */
const DEPTH = 2;

const skipped = (why: string): Verdict => ({
  outcome: 'skipped',
  message: `the value cannot be copied: ${why}`,
});

async function ask(
  target: Target,
  kinds: readonly ValidatorKind[],
  chunk: CaseChunk,
  supported: readonly boolean[],
): Promise<ChunkAnswer> {
  if (target.validateEncoded !== undefined) {
    const { cases, uncopyable } = chunk.encoded();
    const answer = await target.validateEncoded(cases, kinds);
    const other = new Map(answer.other);
    for (const [i, why] of uncopyable) {
      if (supported[chunk.kindIndex[i] as number] === true) other.set(i, skipped(why));
    }
    return { outcomes: answer.outcomes, other };
  }
  const cases = chunk.cases();
  const positions: number[] = [];
  const requests: ValidationRequest[] = [];
  for (let i = 0; i < chunk.count; i++) {
    if (supported[chunk.kindIndex[i] as number] !== true) continue;
    const c = cases[i] as SentCase;
    positions.push(i);
    requests.push({ kind: c.kind, value: c.value });
  }
  const verdicts = await target.validateBatch(requests);
  const outcomes = new Uint8Array(chunk.count);
  const other: [number, Verdict][] = [];
  for (const [j, i] of positions.entries()) {
    const verdict = verdicts[j];
    if (verdict !== undefined) record(outcomes, other, i, verdict);
  }
  return { outcomes, other: new Map(other) };
}

function supportedIn(chunk: CaseChunk, kinds: readonly ValidatorKind[]): boolean[] {
  return chunk.kinds.map((k) => isValidatorKind(k) && kinds.includes(k));
}

/** Sends the examples and the generated cases, judging every verdict into `tally`. */
export async function sendAll(
  target: Target,
  kinds: readonly ValidatorKind[],
  examples: readonly (readonly [SentCase, number])[],
  reader: StreamReader | undefined,
  tally: Tally,
): Promise<void> {
  const exampleVerdicts =
    examples.length === 0
      ? Promise.resolve([])
      : target.validateBatch(examples.map(([c]) => ({ kind: c.kind, value: c.value })));
  const pending: { chunk: CaseChunk; supported: boolean[]; answer: Promise<ChunkAnswer> }[] = [];
  let next = 0;
  let ended = reader === undefined;
  let judged = 0;
  let examplesJudged = false;
  const judgeExamples = async (): Promise<void> => {
    if (examplesJudged) return;
    examplesJudged = true;
    tally.addExamples(examples, await exampleVerdicts);
  };
  while (reader !== undefined) {
    while (!ended && pending.length < DEPTH) {
      const chunk = await reader.chunk(next++);
      if (chunk === undefined) {
        ended = true;
        break;
      }
      const supported = supportedIn(chunk, kinds);
      const answer = supported.includes(true)
        ? ask(target, kinds, chunk, supported)
        : Promise.resolve({ outcomes: new Uint8Array(0), other: new Map() });
      pending.push({ chunk, supported, answer });
    }
    const head = pending.shift();
    if (head === undefined) break;
    const answer = await head.answer;
    await judgeExamples();
    tally.addChunk(head.chunk, head.supported, answer);
    reader.passed(++judged);
  }
  await judgeExamples();
}
