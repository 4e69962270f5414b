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
  it('restarts one at a time, up to the budget, then errors what is queued', async () => {
    let spawns = 0;
    const b = budget(2, async () => {
      spawns++;
    });
    b.restarts.restart();
    b.restarts.restart(); // ignored: a restart is under way
    await b.restarts.starting;
    expect(spawns).toBe(1);
    b.restarts.restart();
    await b.restarts.starting;
    expect(spawns).toBe(2);
    expect(b.restarts.exhausted).toBe(false);
    b.restarts.restart();
    expect(spawns).toBe(2);
    expect(b.restarts.exhausted).toBe(true);
    expect(b.failed).toEqual([
      'the worker stopped too often (restart budget of 2 spent in 1 rules before it answered anything)',
    ]);
    expect(b.settled()).toBe(2);
    expect(b.notes).toEqual([
      'restarting the worker (1 of 2)',
      'restarting the worker (2 of 2)',
      'restart budget spent (2): every further request is errored',
    ]);
  });

  it('notes a restart that fails and settles all the same', async () => {
    const b = budget(1, () => Promise.reject(new Error('no such file')));
    b.restarts.restart();
    await b.restarts.starting;
    expect(b.restarts.count).toBe(1);
    expect(b.restarts.starting).toBeUndefined();
    expect(b.settled()).toBe(1);
    expect(b.notes).toContain('restart failed: no such file');
  });

  it('renews the budget for a new rule once the validator has answered', async () => {
    let spawns = 0;
    const b = budget(1, async () => {
      spawns++;
    });
    b.restarts.answered();
    b.restarts.restart();
    await b.restarts.starting;
    b.restarts.restart();
    expect(b.restarts.exhausted).toBe(true);
    expect(b.restarts.exhaustedMessage()).toMatch(/budget of 1 spent until the next rule/);
    for (let rule = 0; rule < 5; rule++) {
      b.restarts.renew();
      expect(b.restarts.exhausted).toBe(false);
      b.restarts.restart();
      await b.restarts.starting;
    }
    expect(spawns).toBe(6);
    expect(b.restarts.count).toBe(6);
    expect(b.notes).toContain('a new rule: the restart budget is renewed');
  });

  it('renews it for 3 rules at most while the validator has never answered', async () => {
    const b = budget(1, async () => {});
    const exhaustedAfterRenewal: boolean[] = [];
    for (let rule = 0; rule < 5; rule++) {
      b.restarts.renew();
      b.restarts.restart();
      await b.restarts.starting;
      exhaustedAfterRenewal.push(b.restarts.exhausted);
      b.restarts.restart();
    }
    expect(exhaustedAfterRenewal).toEqual([false, false, false, true, true]);
    expect(b.restarts.count).toBe(3);
    expect(b.restarts.exhaustedMessage()).toMatch(/in 3 rules before it answered anything/);
  });
});
