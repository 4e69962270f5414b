import { join } from 'node:path';
import { validatorRules } from '../../src/runner/run.js';
import { packageRoot } from '../../src/util/paths.js';
import { type JestRun, runExampleJest } from './_jest-run.js';

/*
 * The jest examples run as their own jest projects (their folder, their jest.config.mjs), so what
 * they show is exactly what a user's setup runs. The baseline example runs against the packed
 * tarball in package.test.ts.
 */

const examples = join(packageRoot(), 'examples');

function names(run: JestRun, status: string): string[] {
  return run.tests.filter((t) => t.status === status).map((t) => t.fullName);
}

/** Failed tests with their messages, so a red example explains itself here. */
function failures(run: JestRun): string[] {
  return run.tests
    .filter((t) => t.status === 'failed')
    .map((t) => `${t.fullName}\n${t.failureMessages.join('\n').slice(0, 3000)}`);
}

describe('examples', () => {
  it('jest-regression: one passing test per handle and DID rule', async () => {
    const run = await runExampleJest(join(examples, 'jest-regression'));
    expect(failures(run)).toEqual([]);
    expect([run.code, run.success]).toEqual([0, true]);
    const expected = validatorRules()
      .filter((r) => r.kinds.some((k) => k === 'handle' || k === 'did'))
      .map((r) => r.id);
    const passed = names(run, 'passed').map((n) => n.split(' ')[1]);
    expect(passed).toEqual(expected);
    expect(names(run, 'passed')[0]).toMatch(/^handle-did-validator handle\.type\.string \(MUST\)/);
  }, 120_000);

  it('property-test: the generator properties pass for the example validator', async () => {
    const run = await runExampleJest(join(examples, 'property-test'));
    expect(failures(run)).toEqual([]);
    expect([run.code, run.success]).toEqual([0, true]);
    expect(names(run, 'passed').length).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
