import { progressPrinter } from '../../../src/commands/progress.js';
import { RULES } from '../../../src/spec/rules/index.js';
import { captureIo } from '../../_helpers/io.js';

const id = (i: number) => (RULES[i] ?? RULES[0])?.id ?? 'handle.type.string';

describe('progress on a non-terminal stderr (CI logs)', () => {
  it('prints a line when the first rule is done, then at most one every interval', () => {
    const io = captureIo();
    let now = 0;
    const p = progressPrinter(io, { intervalMs: 5000, now: () => now, timer: false });
    const event = (target: string, done: number, failures: number) =>
      p.update({ target, rule: id(done), done, total: 10, failures });
    event('a', 0, 0);
    expect(io.err()).toBe('');
    event('a', 1, 1);
    event('b', 1, 1);
    now = 4999;
    event('a', 2, 2);
    expect(io.err()).toBe(`progress: 1/10 rules done, 1 failing (at ${id(1)})\n`);
    now = 5000;
    event('b', 2, 3);
    expect(io.err().split('\n')[1]).toBe(`progress: 4/20 rules done, 3 failing (at ${id(2)})`);
    p.done();
    // Nothing on stdout, and no terminal control sequences in a log.
    expect(io.out()).toBe('');
    expect(io.err()).not.toContain('\u001b');
  });

  it('says nothing about failures when the runner does not count them', () => {
    const io = captureIo();
    const p = progressPrinter(io, { now: () => 0, timer: false });
    p.update({ target: 'a', rule: id(0), done: 1, total: 2 });
    expect(io.err()).toBe(`progress: 1/2 rules done (at ${id(0)})\n`);
  });

  it('on a terminal, overwrites one line instead', () => {
    const io = { ...captureIo(), stderrIsTTY: true };
    const p = progressPrinter(io, { now: () => 0 });
    p.update({ target: 'a', rule: id(3), done: 3, total: 9, failures: 1 });
    p.done();
    expect(io.err()).toBe(`\r\u001b[K3/9 rules done, 1 failing  ${id(3)}\r\u001b[K`);
  });
});
