import { certify } from '../../../src/api/certify.js';
import type { Validator } from '../../../src/contract/validator.js';
import { TargetStartError } from '../../../src/contract/validator.js';
import { fakeTarget } from '../../_helpers/fake-target.js';

/* The facade every caller goes through: start, hooks, baseline comparison, closing. */

const acceptHandles: Validator = {
  name: 'accept-handles',
  kinds: ['handle'],
  validate: () => true,
};
const FAST = { seed: 4, runs: 5, shrinkTimeMs: 1_000, rules: 'handle.length.max' };

describe('certify', () => {
  it('with onStartError, a target that cannot start gets a column and the run goes on', async () => {
    const failed: string[] = [];
    const started: string[][] = [];
    const { report, comparison } = await certify(['no-such-target', acceptHandles], {
      ...FAST,
      onStartError: (id, err) => failed.push(`${id}: ${err.name}`),
      onStarted: (targets) => started.push(targets.map((t) => t.info.id)),
    });
    expect(failed).toEqual(['no-such-target: TargetStartError']);
    expect(started).toEqual([['accept-handles']]);
    expect(comparison).toBeUndefined();
    expect(report.targets.map((t) => [t.target.id, t.conformant])).toEqual([
      ['accept-handles', false],
      ['no-such-target', false],
    ]);
  });

  it('throws TargetStartError when nothing could start, after reporting each failure', async () => {
    const failed: string[] = [];
    await expect(
      certify(['no-such-target'], { ...FAST, onStartError: (id) => failed.push(id) }),
    ).rejects.toThrow(TargetStartError);
    expect(failed).toEqual(['no-such-target']);
  });

  it('compares with a baseline and closes what it started, not what it was given', async () => {
    const given = fakeTarget('given', ['handle'], 'valid');
    const { report, comparison } = await certify(given, {
      ...FAST,
      rules: 'handle.length.max,handle.accept.syntax',
      baseline: { version: 1, knownFailures: [{ target: 'given', rule: 'handle.accept.syntax' }] },
    });
    expect(comparison?.newFailures).toEqual([{ target: 'given', rule: 'handle.length.max' }]);
    expect(comparison?.fixed).toEqual([{ target: 'given', rule: 'handle.accept.syntax' }]);
    expect(report.targets[0]?.results.map((r) => r.baseline)).toEqual([undefined, 'fixed']);
    expect(given.closed()).toBe(0);
  });
});
