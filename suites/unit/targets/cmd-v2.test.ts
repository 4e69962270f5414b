import fc from 'fast-check';
import { caseArbitrary } from '../../../generators/index.js';
import { TargetStartError, type ValidationRequest } from '../../../src/contract/validator.js';
import { validatorRules } from '../../../src/runner/run.js';
import type { RuleId, ValidatorKind } from '../../../src/spec/index.js';
import { createCmdTarget } from '../../../src/targets/cmd.js';
import { resourcePath } from '../../../src/util/paths.js';
import {
  closeCmdTargets,
  expectedFor,
  FAST,
  fauxCmd,
  HANG,
  handles,
  isAlive,
  outcomes,
  startCmd as start,
} from './_faux.js';

afterEach(closeCmdTargets);

/** The batches a traced target wrote, as lists of the values they carried. */
function tracedBatches(sent: readonly string[]): unknown[][] {
  return sent
    .map((line) => JSON.parse(line))
    .filter((m) => m.cmd === 'validateBatch')
    .map((m) => m.requests.map((r: { value: unknown }) => r.value));
}

const message = (v: unknown): string => (v as { message?: string }).message ?? '';

describe('cmd: target, protocol v2', () => {
  it('speaks v2 to a harness that answers version 2, v1 when only v1 is offered', async () => {
    const sent: string[] = [];
    const trace = (direction: string, line: string) => direction === 'send' && sent.push(line);
    const v2 = await start(fauxCmd('batch'), { trace });
    expect([v2.protocolVersion, v2.info.protocol]).toEqual([2, 2]);
    const values = ['ok1', 'no2', 'ok3', 'no4'];
    expect(await v2.validateBatch(handles(...values))).toEqual(values.map(expectedFor));
    expect(JSON.parse(sent[0] ?? '')).toEqual({ cmd: 'start', version: 2 });
    expect(tracedBatches(sent)).toEqual([values]);
    const v1 = await start(fauxCmd('batch'), { protocolVersion: 1 });
    expect([v1.protocolVersion, v1.info.protocol]).toEqual([1, 1]);
    expect(await v1.validateBatch(handles(...values))).toEqual(values.map(expectedFor));
  });

  it('keeps batches within the maxBatch the harness announced', async () => {
    const sent: string[] = [];
    const trace = (direction: string, line: string) => direction === 'send' && sent.push(line);
    const target = await start(fauxCmd('batch', 'whole', '--max', '3'), { trace });
    const values = Array.from({ length: 10 }, (_, i) => `ok${i}`);
    expect(await target.validateBatch(handles(...values))).toEqual(values.map(expectedFor));
    const batches = tracedBatches(sent);
    expect(batches.flat()).toEqual(values);
    expect(Math.max(...batches.map((b) => b.length))).toBe(3);
  });

  it('a limit that is not a number falls back to the default instead of stalling', async () => {
    const target = await start(fauxCmd('batch'), { maxBatch: Number.NaN, maxInFlight: Number.NaN });
    const values = Array.from({ length: 100 }, (_, i) => `ok${i}`);
    expect(await target.validateBatch(handles(...values))).toEqual(values.map(expectedFor));
  });

  it.each(['whole', 'each'])(
    'hang mid-batch (answers %s): only the value it hung on is errored, the run goes on',
    async (mode) => {
      const target = await start(fauxCmd('batch', mode), HANG);
      const values = ['ok1', 'no2', 'hang', 'ok3', 'no4'];
      const verdicts = await target.validateBatch(handles(...values));
      expect(verdicts[2]).toEqual({
        outcome: 'errored',
        message: expect.stringMatching(/no answer within 1000 ms/),
      });
      expect([...verdicts.slice(0, 2), ...verdicts.slice(3)]).toEqual(
        ['ok1', 'no2', 'ok3', 'no4'].map(expectedFor),
      );
      // The batch timed out with several values open: they went again one at a time, and
      // the second timeout named the value.
      expect(target.diagnostics()).toMatch(/sending them again one at a time/);
      expect(await target.validate('handle', 'ok5')).toEqual({ outcome: 'valid' });
    },
  );

  it('garbage: a cut-off batch answer errors that batch only; a cut-off value answer, that value', async () => {
    const whole = await start(fauxCmd('batch', 'whole'), { maxBatch: 2 });
    const verdicts = await whole.validateBatch(handles('ok1', 'garbage', 'ok2', 'no3'));
    expect(outcomes(verdicts.slice(0, 2))).toEqual(['errored', 'errored']);
    expect(message(verdicts[0])).toMatch(/not JSON: \{"batch":1,"answers"/);
    expect(verdicts.slice(2)).toEqual(['ok2', 'no3'].map(expectedFor));
    const each = await start(fauxCmd('batch', 'each'));
    const streamed = await each.validateBatch(handles('ok1', 'garbage', 'no2'));
    expect(streamed[0]).toEqual(expectedFor('ok1'));
    expect(message(streamed[1])).toMatch(/not JSON/);
    expect(streamed[2]).toEqual(expectedFor('no2'));
    expect(whole.restartCount + each.restartCount).toBe(0);
  });

  it('a batch answered partially: the values left out are errored at once', async () => {
    const target = await start(fauxCmd('batch', 'whole'));
    const verdicts = await target.validateBatch(handles('ok1', 'skip-me', 'no-seq', 'no2'));
    expect(verdicts[0]).toEqual(expectedFor('ok1'));
    const leftOut = {
      outcome: 'errored',
      message: expect.stringMatching(/answer to batch 1 left this value out/),
    };
    // An item without a seq answers nothing, and is never pinned on another value.
    expect(verdicts.slice(1, 3)).toEqual([leftOut, leftOut]);
    expect(verdicts[3]).toEqual(expectedFor('no2'));
    expect(target.diagnostics()).toMatch(/an answer without a valid seq in a batch answer/);
    expect(target.restartCount).toBe(0);
  });

  it('a batch failed whole: its values are errored with the harness message', async () => {
    const target = await start(fauxCmd('batch', 'whole'), { maxBatch: 2 });
    const verdicts = await target.validateBatch(handles('ok1', 'fail', 'ok2'));
    expect(verdicts.slice(0, 2)).toEqual([
      { outcome: 'errored', message: expect.stringMatching(/failed batch 1 as a whole: .*cannot/) },
      { outcome: 'errored', message: expect.stringMatching(/failed batch 1 as a whole/) },
    ]);
    expect(verdicts[2]).toEqual(expectedFor('ok2'));
  });

  it('crash mid-batch: answers written before it count, the rest go again one at a time', async () => {
    const target = await start(fauxCmd('batch', 'each'));
    const verdicts = await target.validateBatch(handles('ok1', 'crash', 'ok2'));
    expect(verdicts[0]).toEqual(expectedFor('ok1'));
    expect(outcomes(verdicts.slice(1))).toEqual(['errored', 'valid']);
    expect(message(verdicts[1])).toMatch(/exited with code 1.*crashing/);
    expect(await target.validateBatch(handles('ok3', 'no4'))).toEqual(
      ['ok3', 'no4'].map(expectedFor),
    );
    // One restart after the batch, one after the crash alone.
    expect(target.restartCount).toBe(2);
  });

  it('a batch answered whole that crashes errors only the value that crashes it', async () => {
    const target = await start(fauxCmd('batch', 'whole'));
    const verdicts = await target.validateBatch(handles('ok1', 'no2', 'crash', 'ok3'));
    expect(outcomes(verdicts)).toEqual(['valid', 'invalid', 'errored', 'valid']);
    expect(message(verdicts[2])).toMatch(/exited with code 1.*crashing/);
    expect(target.diagnostics()).toMatch(
      /stopped with 4 requests open: sending them again one at a time/,
    );
  });

  it('restart budget and close work as in v1', async () => {
    const crashing = await start(fauxCmd('batch', 'whole'), { maxRestarts: 1 });
    expect(outcomes(await crashing.validateBatch(handles('crash', 'ok1')))).toEqual([
      'errored',
      'errored',
    ]);
    expect(outcomes(await crashing.validateBatch(handles('crash')))).toEqual(['errored']);
    expect(await crashing.validate('handle', 'ok2')).toEqual({
      outcome: 'errored',
      message: expect.stringMatching(/restart budget of 1 spent/),
    });
    const hung = await start(fauxCmd('batch', 'whole'));
    const pid = hung.pid as number;
    const pending = hung.validateBatch(handles('ok1', 'hang', 'ok2'));
    // The batch is in flight and the harness stuck on it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await hung.close();
    expect(outcomes(await pending)).toEqual(['errored', 'errored', 'errored']);
    expect(isAlive(pid)).toBe(false);
  });

  it('start: a harness that refuses a start offering 2 is started again offering 1, and speaks 1', async () => {
    const target = await start(fauxCmd('v1-only'));
    expect([target.protocolVersion, target.info.protocol]).toEqual([1, 1]);
    const values = ['ok.one', 'bad', 'ok.two'];
    expect(await target.validateBatch(handles(...values))).toEqual(values.map(expectedFor));
    expect(target.diagnostics()).toMatch(
      /offered protocol version 2, the harness did not start \(.*exit.*\); offering 1/,
    );
    expect(target.diagnostics()).toContain('unsupported protocol version 2');
  });

  it('start: a harness that fails offering 1 too gives one start error, its reason said once', async () => {
    const spec = fauxCmd('exit-at-start');
    const failing = createCmdTarget(spec, spec.slice(4), FAST);
    await expect(failing).rejects.toThrow(TargetStartError);
    await expect(failing).rejects.toThrow(/missing configuration/);
    await expect(failing).rejects.not.toThrow(/offered 1:/);
  });

  it('start: a version the runner did not offer, or does not know, is a clear start error', async () => {
    const offeredOne = createCmdTarget(fauxCmd('batch'), fauxCmd('batch').slice(4), {
      ...FAST,
      protocolVersion: 1,
    });
    await expect(offeredOne).resolves.toMatchObject({ protocolVersion: 1 });
    await (await offeredOne).close();
    const unknown = createCmdTarget(fauxCmd('bad-version'), fauxCmd('bad-version').slice(4), FAST);
    await expect(unknown).rejects.toThrow(TargetStartError);
    await expect(unknown).rejects.toThrow(/speaks protocol version 3, this runner speaks 1 and 2/);
  });
});

/** Generated values of every kind, as a run sends them. */
function generated(perRule: number): ValidationRequest[] {
  return validatorRules().flatMap((r) =>
    fc
      .sample(caseArbitrary(r.id as RuleId), { seed: 7, numRuns: perRule })
      .filter((c) => c.kind !== 'live')
      .map((c) => ({ kind: c.kind as ValidatorKind, value: c.value })),
  );
}

describe('example harnesses: v1 and v2 give the same verdicts', () => {
  const example = (...p: string[]): string => resourcePath('examples', 'harnesses', ...p);
  it.each([
    ['node', `cmd:'${process.execPath}' '${example('node', 'harness.mjs')}'`],
    ['python', `cmd:python3 '${example('python', 'harness.py')}'`],
  ])('%s', async (_name, spec) => {
    const requests = [
      ...generated(10),
      { kind: 'handle' as const, value: Number.NaN },
      { kind: 'did' as const, value: undefined },
    ];
    const v2 = await start(spec);
    const v1 = await start(`${spec} --v1`);
    const lockstep = await start(spec, { pipeline: false });
    expect([v2.protocolVersion, v1.protocolVersion, lockstep.protocolVersion]).toEqual([2, 1, 2]);
    const [byBatch, byLine, oneByOne] = await Promise.all([
      v2.validateBatch(requests),
      v1.validateBatch(requests),
      lockstep.validateBatch(requests),
    ]);
    expect(byBatch).toEqual(byLine);
    expect(oneByOne).toEqual(byLine);
    expect(new Set(outcomes(byBatch))).toEqual(new Set(['valid', 'invalid', 'skipped']));
  });
});
