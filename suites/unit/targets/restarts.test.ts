import { Restarts } from '../../../src/targets/restarts.js';

function budget(max: number, spawn: () => Promise<void>) {
  const notes: string[] = [];
  const failed: string[] = [];
  let settled = 0;
  const restarts = new Restarts(max, 'worker', {
    spawn,
    failQueued: (message) => failed.push(message),
    settled: () => settled++,
    note: (text) => notes.push(text),
  });
  return { restarts, notes, failed, settled: () => settled };
}

describe('the restart budget', () => {
  it('charges each loss when it happens, restarts one at a time, then errors what is queued', async () => {
    let spawns = 0;
    const b = budget(2, async () => {
      spawns++;
    });
    b.restarts.lost('stop');
    b.restarts.restart();
    b.restarts.restart(); // ignored: a restart is under way
    await b.restarts.starting;
    expect(spawns).toBe(1);
    b.restarts.lost('stop');
    b.restarts.restart();
    await b.restarts.starting;
    expect(spawns).toBe(2);
    expect(b.restarts.exhausted).toBe(false);
    b.restarts.lost('stop');
    expect(b.restarts.exhausted).toBe(true);
    b.restarts.restart();
    expect(spawns).toBe(2);
    expect(b.failed[0]).toBe(
      'the worker stopped too often (restart budget of 2 spent until it is renewed)',
    );
    expect(b.settled()).toBe(2);
    expect(b.notes).toEqual([
      'restarting the worker (1 of 2)',
      'restarting the worker (2 of 2)',
      'restart budget spent (2): every further request is errored',
    ]);
  });

  it('notes a restart that fails, charges it, and settles all the same', async () => {
    const b = budget(1, () => Promise.reject(new Error('no such file')));
    b.restarts.restart();
    await b.restarts.starting;
    expect(b.restarts.count).toBe(1);
    expect(b.restarts.starting).toBeUndefined();
    expect(b.settled()).toBe(1);
    expect(b.notes).toContain('restart failed: no such file');
    b.restarts.restart();
    expect(b.restarts.exhausted).toBe(true);
  });

  it("is renewed for each rule; a loss on a rule's last value is not charged to the next", async () => {
    let spawns = 0;
    const b = budget(1, async () => {
      spawns++;
    });
    b.restarts.answered();
    for (let rule = 0; rule < 5; rule++) {
      b.restarts.renew();
      expect(b.restarts.exhausted).toBe(false);
      // The rule's last value stops the validator: the next rule starts it, at no cost of its own.
      b.restarts.lost('stop');
      b.restarts.renew();
      b.restarts.restart();
      await b.restarts.starting;
      expect(b.restarts.exhausted).toBe(false);
      b.restarts.lost('stop');
      expect(b.restarts.exhausted).toBe(false);
      b.restarts.restart();
      await b.restarts.starting;
      b.restarts.lost('stop');
      expect(b.restarts.exhausted).toBe(true);
    }
    expect(spawns).toBe(10);
    expect(b.notes).toContain('the restart budget is renewed');
  });

  it('a budget of none is renewed too', () => {
    const b = budget(0, async () => {});
    b.restarts.lost('stop');
    expect(b.restarts.exhausted).toBe(true);
    b.restarts.renew();
    expect(b.restarts.exhausted).toBe(false);
  });

  it('only probes each rule once the validator has stopped answering; an answer ends that', async () => {
    const b = budget(2, async () => {});
    /** Losses of one kind until the budget is spent, restarting after each; how many. */
    const lossesUntilSpent = async (how: 'hang' | 'stop'): Promise<number> => {
      let losses = 0;
      while (!b.restarts.exhausted) {
        b.restarts.lost(how);
        losses++;
        b.restarts.restart();
        await b.restarts.starting;
      }
      return losses;
    };
    const hangsPerRule: number[] = [];
    for (let rule = 0; rule < 4; rule++) {
      b.restarts.renew();
      hangsPerRule.push(await lossesUntilSpent('hang'));
    }
    // Two whole budgets (a loss past the budget is the one that spends it), then a probe a rule.
    expect(hangsPerRule).toEqual([3, 3, 1, 1]);
    expect(b.restarts.probing).toBe(true);
    expect(b.restarts.exhaustedMessage()).toMatch(
      /stopped answering \(\d+ timeouts and failed starts without an answer\)/,
    );
    expect(b.notes).toContain('it answers nothing: one probe per rule');
    b.restarts.renew();
    b.restarts.answered();
    expect(b.restarts.probing).toBe(false);
    expect(await lossesUntilSpent('stop')).toBe(3);
  });

  it('an answer between hangs keeps the renewals coming', async () => {
    const b = budget(1, async () => {});
    for (let rule = 0; rule < 6; rule++) {
      b.restarts.renew();
      expect(b.restarts.exhausted).toBe(false);
      b.restarts.lost('hang');
      b.restarts.restart();
      await b.restarts.starting;
      b.restarts.answered();
      b.restarts.lost('hang');
      expect(b.restarts.exhausted).toBe(true);
    }
  });
});
