import type { Verdict } from '../../../src/contract/validator.js';
import { keeps, type LabelledCase, stalled, stopped } from '../../../src/runner/case.js';

// What a shrink keeps: the same kind of finding, never an error the runner made up itself.

const mustReject: LabelledCase = { kind: 'handle', value: 'x', valid: false, violates: [] };
const errored = (message: string): Verdict => ({ outcome: 'errored', message });
const thrown = errored('validator threw: TypeError: boom');
const stop = errored('the harness stopped before answering: it exited with code 1');
const hang = errored('no answer within 100 ms (timeout); the harness was restarted');
const budget = errored(
  'the harness stopped too often (restart budget of 2 spent until it is renewed)',
);

describe('keeps', () => {
  it('keeps a failure as a failure and an answered error as an error', () => {
    expect(keeps(mustReject, { outcome: 'valid' }, 'fail')).toBe(true);
    expect(keeps(mustReject, { outcome: 'invalid' }, 'fail')).toBe(false);
    expect(keeps(mustReject, thrown, 'error')).toBe(true);
  });

  it('never keeps an error the runner reports for a target that did not answer', () => {
    for (const verdict of [stop, hang, budget]) {
      expect(stalled(verdict)).toBe(true);
      expect(keeps(mustReject, verdict, 'error')).toBe(false);
      expect(keeps(mustReject, verdict, 'fail')).toBe(false);
    }
  });

  it('keeps a stop only as a stop: not a hang, the budget or an answered error', () => {
    expect(stopped(stop)).toBe(true);
    expect(keeps(mustReject, stop, 'stop')).toBe(true);
    for (const verdict of [thrown, hang, budget, { outcome: 'valid' } as Verdict]) {
      expect(keeps(mustReject, verdict, 'stop')).toBe(false);
    }
  });
});
