import { TargetStartError } from '../../../src/contract/validator.js';
import { createCmdTarget } from '../../../src/targets/cmd.js';
import {
  closeCmdTargets,
  eventually,
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

describe('cmd: target, well-behaved harnesses', () => {
  it('reads the start reply into the target info', async () => {
    const target = await start(fauxCmd('always-valid'));
    expect(target.info).toMatchObject({
      id: fauxCmd('always-valid'),
      name: 'always-valid',
      version: '0.0.0',
      language: 'javascript',
      kinds: ['handle', 'did', 'session', 'getSession'],
    });
  });

  it.each([
    [true, 'valid'],
    [false, 'invalid'],
  ])(
    'pipelined=%s: always-valid and always-invalid give their verdict for every request',
    async (pipeline) => {
      const values = Array.from({ length: 300 }, (_, i) => `h${i}.test`);
      const valid = await start(fauxCmd('always-valid'), { pipeline });
      const invalid = await start(fauxCmd('always-invalid'), { pipeline });
      expect(new Set(outcomes(await valid.validateBatch(handles(...values))))).toEqual(
        new Set(['valid']),
      );
      const rejected = await invalid.validateBatch(handles(...values));
      expect(rejected).toHaveLength(300);
      expect(
        rejected.every((v) => v.outcome === 'invalid' && v.errors?.[0] === 'always invalid'),
      ).toBe(true);
    },
  );

  it('matches answers given in reverse order by seq', async () => {
    const target = await start(fauxCmd('out-of-order'), { maxInFlight: 16 });
    const values = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? `ok${i}` : `no${i}`));
    expect(await target.validateBatch(handles(...values))).toEqual(values.map(expectedFor));
  });

  it('sends large batches with large values through a small pipe (backpressure)', async () => {
    const target = await start(fauxCmd('out-of-order'), { maxInFlight: 256 });
    const values = Array.from({ length: 400 }, (_, i) => `ok${i}${'x'.repeat(2000)}`);
    expect(await target.validateBatch(handles(...values))).toEqual(values.map(expectedFor));
  });

  it('answers concurrent validate calls', async () => {
    const target = await start(fauxCmd('out-of-order'));
    const values = ['ok1', 'bad', 'ok2', 'worse'];
    const verdicts = await Promise.all(values.map((v) => target.validate('did', v)));
    expect(verdicts).toEqual(values.map(expectedFor));
  });

  it('never sends kinds the harness did not declare', async () => {
    const target = await start(fauxCmd('some-kinds'));
    expect(target.info.kinds).toEqual(['handle']);
    const verdicts = await target.validateBatch([
      { kind: 'handle', value: 'a.test' },
      { kind: 'did', value: 'did:x:y' },
      { kind: 'session', value: {} },
    ]);
    expect(outcomes(verdicts)).toEqual(['valid', 'skipped', 'skipped']);
  });

  it('skips values that JSON would change instead of sending them', async () => {
    const target = await start(fauxCmd('always-valid'));
    const verdicts = await target.validateBatch(
      handles(Number.NaN, undefined, 10n, [undefined], { a: undefined }, 'ok'),
    );
    expect(outcomes(verdicts)).toEqual([
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'valid',
      'valid',
    ]);
  });

  it('keeps stderr, bounded to the last 64 KiB', async () => {
    const target = await start(fauxCmd('stderr'));
    await target.validateBatch(handles('a', 'b'));
    // stderr is a separate pipe: it may lag behind the answers.
    expect(await eventually(() => target.diagnostics().includes('request 2'))).toBe(true);
    expect(target.diagnostics()).toContain('stderr harness: starting\n');
    const flood = await start(fauxCmd('stderr', '40'));
    await flood.validateBatch(handles('a', 'b', 'c', 'd'));
    expect(await eventually(() => flood.diagnostics().includes('request 4'))).toBe(true);
    const text = flood.diagnostics();
    expect(text.length).toBeLessThan(70 * 1024);
    expect(text).toContain('[earlier output dropped]');
    expect(text).toContain('stderr harness: request 4');
  });
});

describe('cmd: target, broken harnesses', () => {
  it('crash: only the value that crashes it is errored; the others go again, one at a time', async () => {
    const target = await start(fauxCmd('crash-on-value', 'crash'));
    const pidBefore = target.pid;
    const verdicts = await target.validateBatch(handles('ok1', 'no2', 'crash', 'ok4', 'no5'));
    expect(outcomes(verdicts)).toEqual(['valid', 'invalid', 'errored', 'valid', 'invalid']);
    expect([verdicts[3], verdicts[4]]).toEqual([expectedFor('ok4'), expectedFor('no5')]);
    expect((verdicts[2] as { message: string }).message).toMatch(/exited with code 1/);
    expect(target.pid).not.toBe(pidBefore);
    expect(target.diagnostics()).toMatch(/restarting the harness \(1 of 10\)/);
  });

  it('crash of a harness that works on several requests at once blames the one that crashes it', async () => {
    // Answers in reverse order, four at a time: when it crashes, the requests before the
    // crashing one are open too, and none of them caused it.
    const target = await start(fauxCmd('out-of-order', 'crash'));
    const values = ['ok1', 'no2', 'ok3', 'crash', 'ok5', 'no6', 'ok7', 'no8'];
    const verdicts = await target.validateBatch(handles(...values));
    expect(outcomes(verdicts)).toEqual(
      values.map((v) => (v === 'crash' ? 'errored' : v.startsWith('ok') ? 'valid' : 'invalid')),
    );
    expect(target.diagnostics()).toMatch(
      /stopped with \d+ requests open: sending them again one at a time/,
    );
  });

  it('crash in lockstep: only the request that crashed it is errored', async () => {
    const target = await start(fauxCmd('crash-on', '3'), { pipeline: false });
    const verdicts = await target.validateBatch(handles('ok1', 'ok2', 'ok3', 'ok4', 'ok5'));
    expect(outcomes(verdicts)).toEqual(['valid', 'valid', 'errored', 'valid', 'valid']);
  });

  it('closed stdout counts as a crash', async () => {
    const target = await start(fauxCmd('crash-on', '2', 'close-stdout'), { pipeline: false });
    const verdicts = await target.validateBatch(handles('ok1', 'ok2', 'ok3'));
    expect(outcomes(verdicts)).toEqual(['valid', 'errored', 'valid']);
    expect((verdicts[1] as { message: string }).message).toMatch(/closed its stdout/);
  });

  it('hang: the request is errored after the timeout and the harness restarted', async () => {
    const target = await start(fauxCmd('hang-on', '2'), { ...HANG, pipeline: false });
    const hungPid = target.pid as number;
    const verdicts = await target.validateBatch(handles('ok1', 'ok2', 'ok3'));
    expect(outcomes(verdicts)).toEqual(['valid', 'errored', 'valid']);
    expect((verdicts[1] as { message: string }).message).toMatch(/no answer within 1000 ms/);
    // One timeout, one kill, one restart: the third request was answered by a new process.
    expect(target.diagnostics().match(/timed out after \d+ ms: killing the harness/g)).toHaveLength(
      1,
    );
    expect(target.restartCount).toBe(1);
    expect(target.pid).toEqual(expect.any(Number));
    expect(target.pid).not.toBe(hungPid);
    expect(await eventually(() => !isAlive(hungPid))).toBe(true);
  });

  it('hang while pipelined: only the value it hangs on is errored, the others are answered', async () => {
    // The fake hangs on the value "hang"; ok3 and ok4 were open too, so all three go again one
    // at a time, and the second timeout names the value.
    const target = await start(fauxCmd('batch'), { ...HANG, protocolVersion: 1 });
    const verdicts = await target.validateBatch(handles('ok1', 'hang', 'ok3', 'ok4'));
    expect(outcomes(verdicts)).toEqual(['valid', 'errored', 'valid', 'valid']);
    expect(verdicts[1]).toEqual({
      outcome: 'errored',
      message: expect.stringMatching(/no answer within 1000 ms/),
    });
    expect(await target.validate('handle', 'ok5')).toEqual({ outcome: 'valid' });
    expect(target.restartCount).toBe(2);
    expect(target.diagnostics()).toMatch(
      /3 requests open: killing the harness, sending them again one at a time/,
    );
  });

  it('garbage: broken lines error the request they belong to', async () => {
    const target = await start(fauxCmd('garbage'), { pipeline: false });
    const values = ['ok1', 'garbage', 'partial', 'no-seq', 'bad-answer', 'ok2'];
    const verdicts = await target.validateBatch(handles(...values));
    expect(outcomes(verdicts)).toEqual([
      'valid',
      'errored',
      'errored',
      'errored',
      'errored',
      'valid',
    ]);
    const messages = verdicts.map((v) => (v.outcome === 'errored' ? v.message : ''));
    expect(messages[1]).toMatch(/not JSON: this is not JSON/);
    expect(messages[2]).toMatch(/not JSON/);
    expect(messages[3]).toMatch(/without a valid seq/);
    expect(messages[4]).toMatch(/malformed answer/);
    expect(target.restartCount).toBe(0);
  });

  it('garbage while pipelined: a line with a readable seq is attributed, others are noted', async () => {
    const target = await start(fauxCmd('garbage'), HANG);
    const values = ['ok1', 'partial', 'garbage', 'ok2', 'no3'];
    const verdicts = await target.validateBatch(handles(...values));
    expect(verdicts[0]).toEqual(expectedFor('ok1'));
    expect(outcomes(verdicts.slice(1, 3))).toEqual(['errored', 'errored']);
    expect(verdicts.slice(3)).toEqual([expectedFor('ok2'), expectedFor('no3')]);
    // The bare garbage line could not be attributed: noted, then its request timed out.
    expect(target.diagnostics()).toMatch(/not JSON: this is not JSON/);
    expect((verdicts[2] as { message: string }).message).toMatch(/no answer within/);
  });

  it('unknown seq: errored, and a repeated answer never shifts later answers', async () => {
    const target = await start(fauxCmd('unknown-seq'), { pipeline: false });
    const values = ['ok1', 'unknown-seq', 'repeat', 'ok2', 'no3', 'ok4'];
    const verdicts = await target.validateBatch(handles(...values));
    expect(verdicts[1]).toMatchObject({ outcome: 'errored' });
    expect((verdicts[1] as { message: string }).message).toMatch(/seq 100002/);
    expect([verdicts[0], ...verdicts.slice(2)]).toEqual(
      ['ok1', 'repeat', 'ok2', 'no3', 'ok4'].map(expectedFor),
    );
    expect(target.diagnostics()).toMatch(/answered seq 3 twice/);
  });

  it('an answer contradicted at once (true, then false for one seq) is errored, saying why', async () => {
    const target = await start(fauxCmd('unknown-seq'));
    const verdicts = await target.validateBatch(handles('ok1', 'contradict', 'repeat', 'no2'));
    expect(verdicts[1]).toEqual({
      outcome: 'errored',
      message: expect.stringMatching(/answered seq 2 twice, differently \(valid, then invalid\)/),
    });
    expect([verdicts[0], ...verdicts.slice(2)]).toEqual(['ok1', 'repeat', 'no2'].map(expectedFor));
  });

  it('restart budget: once spent, requests are errored at once without hanging', async () => {
    const target = await start(fauxCmd('crash-on', '1'), { maxRestarts: 2, pipeline: false });
    const verdicts = await target.validateBatch(handles('a', 'b', 'c', 'd', 'e'));
    expect(outcomes(verdicts)).toEqual(['errored', 'errored', 'errored', 'errored', 'errored']);
    const messages = verdicts.map((v) => (v as { message: string }).message);
    // Three crashes (the first run and two restarts), then the rest is refused unsent.
    expect(messages.slice(0, 3).every((m) => /exited with code 1/.test(m))).toBe(true);
    expect(messages.slice(3).every((m) => /restart budget of 2 spent/.test(m))).toBe(true);
    // Nothing waited for an answer that could not come.
    expect(messages.some((m) => /no answer within/.test(m))).toBe(false);
    expect(target.restartCount).toBe(2);
    expect(await target.validate('handle', 'f')).toEqual({
      outcome: 'errored',
      message: expect.stringMatching(/restart budget of 2 spent/),
    });
    expect(target.pid).toBeUndefined();
    expect(target.diagnostics()).not.toMatch(/timed out/);
  });
});

describe('cmd: target, start failures', () => {
  it.each([
    [
      'unknown version',
      fauxCmd('bad-version'),
      /speaks protocol version 3, this runner speaks 1 and 2/,
    ],
    ['banner before the reply', fauxCmd('garbage', 'banner'), /not JSON: hello/],
    [
      'exit before the reply',
      fauxCmd('exit-at-start'),
      /exited with code 3.*missing configuration/,
    ],
    ['no reply in time', fauxCmd('hang-on', '0'), /no answer to start within 500 ms/],
    ['no such program', 'cmd:/nonexistent/harness --flag', /could not be run: .*ENOENT/],
    [
      'no such script',
      `cmd:'${process.execPath}' /nonexistent/missing.js`,
      /exited with code 1 before answering start \(stderr: Error: Cannot find module '\/nonexistent\/missing\.js'/,
    ],
    ['unterminated quote', "cmd:node 'oops", /unterminated single quote/],
    ['empty command', 'cmd:  ', /no program given/],
  ])('%s -> TargetStartError', async (_name, spec, message) => {
    const startTimeoutMs = spec.includes('hang-on') ? 500 : 10_000;
    const attempt = createCmdTarget(spec, spec.slice('cmd:'.length), { ...FAST, startTimeoutMs });
    await expect(attempt).rejects.toThrow(TargetStartError);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toThrow(/^[^\n]*$/);
  });
});

describe('cmd: target, environment', () => {
  it('passes the allowlist and --pass-env names, nothing else, to the harness', async () => {
    process.env.ATPROTO_PASSWORD = 'hunter2-secret';
    process.env.API_KEY = 'api-key-value';
    process.env.WANTED = 'wanted-value';
    try {
      const inner = fauxCmd('always-valid').slice('cmd:'.length).replace(/'/g, '');
      const spec = `cmd:sh -c 'echo "pw=[$ATPROTO_PASSWORD] key=[$API_KEY] wanted=[$WANTED] path=[$PATH]" >&2; exec ${inner}'`;
      const target = await start(spec, { passEnv: ['WANTED'] });
      await target.validate('handle', 'a.test');
      expect(await eventually(() => target.diagnostics().includes('pw='))).toBe(true);
      expect(target.diagnostics()).toContain('pw=[] key=[] wanted=[wanted-value] path=[/');
    } finally {
      delete process.env.ATPROTO_PASSWORD;
      delete process.env.API_KEY;
      delete process.env.WANTED;
    }
  });
});

describe('cmd: target, cleanup', () => {
  it('close leaves no process behind: the harness, a child of its own, a hung harness', async () => {
    const tidy = await start(fauxCmd('grandchild'));
    await tidy.validate('handle', 'a.test');
    const pid = tidy.pid as number;
    const grandchild = Number(/grandchild pid (\d+)/.exec(tidy.diagnostics())?.[1]);
    expect(isAlive(pid) && isAlive(grandchild)).toBe(true);
    await tidy.close();
    expect(isAlive(pid)).toBe(false);
    // SIGKILL reaches the grandchild at once, but it is not this process's child to wait for.
    expect(await eventually(() => !isAlive(grandchild))).toBe(true);

    const hung = await start(fauxCmd('hang-on', '1'));
    const hungPid = hung.pid as number;
    const pending = hung.validate('handle', 'x');
    await hung.close();
    expect(await pending).toMatchObject({ outcome: 'errored' });
    expect(isAlive(hungPid)).toBe(false);
    expect(await hung.validate('handle', 'y')).toEqual({
      outcome: 'errored',
      message: 'the target is closed',
    });
  });
});
