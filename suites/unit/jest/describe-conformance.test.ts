import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  afterAll as jestAfterAll,
  beforeAll as jestBeforeAll,
  describe as jestDescribe,
  test as jestTest,
} from '@jest/globals';
import { TargetStartError, type Validator } from '../../../src/contract/validator.js';
import { describeConformance, type KnownFailure } from '../../../src/jest/index.js';
import { getRule } from '../../../src/spec/rules/index.js';
import { recorder, runRecorded } from './_recorder.js';

/** Accepts every handle: it breaks every handle reject rule and passes every accept rule. */
const acceptAll: Validator = { name: 'accept-all', kinds: ['handle'], validate: () => true };

/** Throws on every handle: every handle rule is an error, never a wrong verdict. */
const throwing: Validator = {
  name: 'throwing',
  kinds: ['handle'],
  validate: () => {
    throw new Error('boom');
  },
};

const RULES = 'handle.length.max,handle.accept.syntax';
const BASE = { seed: 5, runs: 20, rules: RULES, replayTarget: 'module:./accept-all.js' };

describe('describeConformance', () => {
  it('registers one test per selected rule of the kinds the validator declares', () => {
    const { api, recorded } = recorder();
    describeConformance(acceptAll, { ...BASE, rules: 'handle.*,did.prefix', jest: api });
    expect(recorded.describes).toEqual(['accept-all']);
    const ids = recorded.tests.map((t) => t.title.split(' ')[0]);
    expect(ids).toContain('handle.length.max');
    expect(ids).not.toContain('did.prefix');
    expect(ids.every((id) => id?.startsWith('handle.'))).toBe(true);
    const rule = getRule('handle.length.max');
    expect(recorded.tests.map((t) => t.title)).toContain(
      `handle.length.max (MUST): ${rule.summary}`,
    );
  });

  it('fails with the rule, spec quote, counterexample, verdicts, seed and replay command', async () => {
    const { api, recorded } = recorder();
    describeConformance(acceptAll, { ...BASE, jest: api });
    const outcomes = await runRecorded(recorded);
    expect(outcomes['handle.accept.syntax']).toBeUndefined();
    const message = outcomes['handle.length.max'] ?? '';
    const rule = getRule('handle.length.max');
    expect(message).toContain('handle.length.max (MUST) failed for accept-all');
    expect(message).toContain(rule.summary);
    expect(message).toContain(`> ${rule.source.kind === 'spec' ? rule.source.quote : ''}`);
    expect(message).toContain('Counterexample (handle):');
    expect(message).toContain('Expected: reject (the value is invalid)');
    expect(message).toContain('Actual: accepted');
    expect(message).toContain('Seed: 5 (20 cases per rule); pass { seed: 5 }');
    expect(message).toMatch(
      /npx atproto-conformance run --target 'module:\.\/accept-all\.js' --rules 'handle\.length\.max' --seed 5 --path '\S+'/,
    );
  });

  it('keeps known failures green while they fail, and red once they pass', async () => {
    const { api, recorded } = recorder();
    describeConformance(acceptAll, {
      ...BASE,
      knownFailures: ['handle.length.max', 'handle.accept.syntax'],
      jest: api,
    });
    expect(recorded.tests.every((t) => t.title.includes('[known failure]'))).toBe(true);
    const outcomes = await runRecorded(recorded);
    expect(outcomes['handle.length.max']).toBeUndefined();
    expect(outcomes['handle.accept.syntax']).toMatch(
      /^handle\.accept\.syntax is listed as a known failure of module:\.\/accept-all\.js but now passes: remove it/,
    );
  });

  it('does not let an error pass as a known failure: only an entry with status error matches it', async () => {
    const { api, recorded } = recorder();
    describeConformance(throwing, {
      ...BASE,
      knownFailures: ['handle.length.max', { rule: 'handle.accept.syntax', status: 'error' }],
      jest: api,
    });
    expect(recorded.tests.map((t) => t.title.split(':')[0])).toEqual([
      'handle.length.max (MUST) [known failure]',
      'handle.accept.syntax (MUST) [known error]',
    ]);
    const outcomes = await runRecorded(recorded);
    expect(outcomes['handle.accept.syntax']).toBeUndefined();
    const message = outcomes['handle.length.max'] ?? '';
    expect(message).toMatch(
      /^handle\.length\.max is listed as a known failure of module:\.\/accept-all\.js but errors: list it with status 'error' if that is known\n/,
    );
    expect(message).toContain('handle.length.max (MUST) errored for throwing');
    expect(message).toContain('boom');
  });

  it('fails a known error that gives a wrong verdict instead', async () => {
    const { api, recorded } = recorder();
    describeConformance(acceptAll, {
      ...BASE,
      knownFailures: [
        { rule: 'handle.length.max', status: 'error', reason: 'throws on long input' },
      ],
      jest: api,
    });
    const outcomes = await runRecorded(recorded);
    expect(outcomes['handle.length.max']).toMatch(
      /^handle\.length\.max is listed as a known error of module:\.\/accept-all\.js but gives a wrong verdict: list it with status 'fail' if that is known\n/,
    );
    expect(outcomes['handle.accept.syntax']).toBeUndefined();
  });

  it('refuses a known failure with a status other than fail or error', () => {
    const { api } = recorder();
    const odd = { rule: 'handle.length.max', status: 'skip' } as unknown as KnownFailure;
    expect(() =>
      describeConformance(acceptAll, { ...BASE, knownFailures: [odd], jest: api }),
    ).toThrow(
      'describeConformance: known failure handle.length.max has status "skip" (expected "fail" or "error")',
    );
  });

  it('reads known errors from a baseline file only where the entry says status error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'describe-baseline-'));
    try {
      const file = join(dir, 'known-failures.json');
      const knownFailures = [
        { target: 'module:./accept-all.js', rule: 'handle.length.max', status: 'error' },
        { target: 'module:./accept-all.js', rule: 'handle.accept.syntax' },
      ];
      await writeFile(file, JSON.stringify({ version: 1, knownFailures }));
      const { api, recorded } = recorder();
      describeConformance(throwing, { ...BASE, baseline: file, jest: api });
      const outcomes = await runRecorded(recorded);
      expect(outcomes['handle.length.max']).toBeUndefined();
      expect(outcomes['handle.accept.syntax']).toContain('but errors');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads known failures for this target from a baseline file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'describe-baseline-'));
    try {
      const file = join(dir, 'known-failures.json');
      const knownFailures = [
        { target: 'module:./accept-all.js', rule: 'handle.length.max', reason: 'no length check' },
        { target: 'someone-else', rule: 'handle.accept.syntax' },
      ];
      await writeFile(file, JSON.stringify({ version: 1, knownFailures }));
      const { api, recorded } = recorder();
      describeConformance(acceptAll, { ...BASE, baseline: file, jest: api });
      const known = recorded.tests.filter((t) => t.title.includes('[known failure]'));
      expect(known.map((t) => t.title.split(' ')[0])).toEqual(['handle.length.max']);
      expect(await runRecorded(recorded)).toEqual({
        'handle.length.max': undefined,
        'handle.accept.syntax': undefined,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('starts a target spec before the tests and closes it after', async () => {
    const { api, recorded } = recorder();
    describeConformance('reference', { seed: 3, runs: 10, rules: 'did.prefix', jest: api });
    expect(recorded.describes).toEqual(['reference']);
    expect(await runRecorded(recorded)).toEqual({ 'did.prefix': undefined });
  });

  it('lets a target that cannot start fail the hook', async () => {
    const { api, recorded } = recorder();
    describeConformance('no-such-target', { rules: 'did.prefix', jest: api });
    await expect(runRecorded(recorded)).rejects.toThrow(TargetStartError);
  });

  it('refuses a selection that leaves no rule for the validator', () => {
    const { api } = recorder();
    expect(() => describeConformance(acceptAll, { rules: 'did.*', jest: api })).toThrow(
      'describeConformance: no rule selected for accept-all',
    );
  });
});

// The real thing: tests registered with jest's own globals, which must pass for the oracle.
describeConformance('reference', { seed: 9, runs: 25, rules: 'did.*', name: 'reference (did)' });

// The same through @jest/globals, as a setup with injectGlobals: false passes them.
describeConformance('reference', {
  seed: 9,
  runs: 25,
  rules: 'handle.accept.*',
  name: 'reference (handle, @jest/globals)',
  jest: {
    describe: jestDescribe,
    test: jestTest,
    beforeAll: jestBeforeAll,
    afterAll: jestAfterAll,
  },
});
