import { OUTCOME_CODES, type Target } from '../../../src/contract/validator.js';
import { createTarget } from '../../../src/targets/index.js';
import { createModuleTarget } from '../../../src/targets/module.js';
import { encodeValues, verdictAt } from '../../../src/targets/worker/codec.js';
import type { WorkerTarget } from '../../../src/targets/worker-target.js';
import { fauxModule } from './_faux.js';

/*
 * The encoded fast path of worker targets: one chunk of bytes for every target, decoded by the
 * thread. It answers what validateBatch answers, asks only the kinds given, and keeps the
 * isolation of plain requests (a hang or an exit costs the request it was on).
 */

const open: Target[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function start(file: string, timeoutMs = 300): Promise<WorkerTarget> {
  const target = (await createModuleTarget(`module:${file}`, fauxModule(file), {
    timeoutMs,
  })) as WorkerTarget;
  open.push(target);
  return target;
}

/** Encoded cases of one kind table. */
function encoded(kinds: string[], cases: [number, unknown][]) {
  return {
    values: encodeValues(cases.map(([, v]) => v)).bytes,
    kindIndex: Uint8Array.from(cases.map(([k]) => k)),
    kinds,
  };
}

describe('encoded requests to worker targets', () => {
  it('answer as validateBatch does, only for the kinds asked', async () => {
    const target = await createTarget('reference', { timeoutMs: 5_000 });
    open.push(target);
    const cases: [number, unknown][] = [
      [0, 'alice.test'],
      [0, 'bad_handle'],
      [1, 'did:plc:abc'],
      [1, 'did:NOPE'],
      [0, 'x.y'],
    ];
    const batch = await target.validateBatch(
      cases.map(([k, value]) => ({ kind: k === 0 ? 'handle' : 'did', value })),
    );
    const answer = await target.validateEncoded?.(encoded(['handle', 'did'], cases), ['handle']);
    expect(answer).toBeDefined();
    if (answer === undefined) return;
    const other = new Map(answer.other);
    for (const [i, [k]] of cases.entries()) {
      if (k === 1) expect(answer.outcomes[i]).toBe(OUTCOME_CODES.notAsked);
      else expect(verdictAt(answer, i, other)).toEqual(batch[i]);
    }
    expect(shared(encoded(['handle'], cases).values)).toBe(true);
  });

  it('a request that spins is a timeout; the rest of the chunk is answered', async () => {
    const target = await start('spin-on.mjs');
    const answer = await target.validateEncoded(
      encoded(
        ['handle'],
        [
          [0, 'ok.a'],
          [0, 'spin'],
          [0, 'bad'],
          [0, 'ok.b'],
        ],
      ),
      ['handle'],
    );
    const verdicts = [0, 1, 2, 3].map((i) => verdictAt(answer, i)?.outcome);
    expect(verdicts).toEqual(['valid', 'errored', 'invalid', 'valid']);
    expect(verdictAt(answer, 1)).toMatchObject({ message: expect.stringMatching(/timeout/) });
    expect(target.restartCount).toBe(1);
  });

  it('a thread that exits errors the request it was on, whichever way they came', async () => {
    const target = await start('exit-on.mjs');
    const [plain, answer] = await Promise.all([
      target.validateBatch([{ kind: 'handle', value: 'ok.1' }]),
      target.validateEncoded(
        encoded(
          ['handle'],
          [
            [0, 'ok'],
            [0, 'exit'],
            [0, 'no'],
          ],
        ),
        ['handle'],
      ),
    ]);
    expect(plain[0]).toEqual({ outcome: 'valid' });
    expect([0, 1, 2].map((i) => verdictAt(answer, i)?.outcome)).toEqual([
      'valid',
      'errored',
      'invalid',
    ]);
    expect(verdictAt(answer, 1)).toMatchObject({ message: expect.stringMatching(/code 7/) });
  });
});

function shared(bytes: Uint8Array): boolean {
  return bytes.buffer instanceof SharedArrayBuffer;
}
