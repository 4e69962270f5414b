import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectRules } from '../../src/api/certify.js';
import * as library from '../../src/index.js';
import {
  type Baseline,
  runConformance,
  TargetStartError,
  type Validator,
} from '../../src/index.js';
import { resourcePath } from '../../src/util/paths.js';
import { fakeTarget } from '../_helpers/fake-target.js';

/* The public library API (src/index.ts and the subpath entry points), through its own names. */

const acceptHandles: Validator = {
  name: 'accept-handles',
  kinds: ['handle'],
  validate: () => true,
};
const FAST = { seed: 2, runs: 10, shrinkTimeMs: 1_000 };

/** The source module behind each subpath of package.json "exports" (`./dist/x.js` -> `x.ts`). */
function entryPoints(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(resourcePath('package.json'), 'utf8')) as {
    exports: Record<string, string | { default: string }>;
  };
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (typeof target === 'string') continue;
    entries.set(
      subpath,
      resourcePath(target.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')),
    );
  }
  return entries;
}

/** A value each subpath must export: one name per entry point, so a wrong target shows. */
const SUBPATHS: Record<string, string> = {
  '.': 'runConformance',
  './oracle': 'handleViolations',
  './generators': 'invalidHandle',
  './jest': 'describeConformance',
  './zod': 'sessionSchema',
  './vectors': 'exportVectors',
  './baseline': 'loadBaseline',
  './live': 'runLiveSuite',
};

describe('the library entry points', () => {
  it('the main entry is the core: the catalogue, the oracle, runConformance, targets, writers', () => {
    const core = [
      'runConformance',
      'RULES',
      'getRule',
      'check',
      'isValidHandle',
      'ensureValidHandle',
      'isValidDid',
      'ensureValidDid',
      'isValidSession',
      'ensureValidSession',
      'createTarget',
      'writeReports',
    ] as const;
    const exported = new Map(Object.entries(library));
    for (const name of core) expect([name, exported.has(name)]).toEqual([name, true]);
    for (const error of [library.InvalidHandleError, library.InvalidDidError, TargetStartError]) {
      expect(error.prototype).toBeInstanceOf(Error);
    }
    expect(library.RULES.length).toBeGreaterThan(50);
    expect(() => library.ensureValidHandle('john..test')).toThrow(library.InvalidHandleError);
  });

  it('the main entry has at most 25 value exports; the rest has its own subpath', () => {
    expect(Object.keys(library).length).toBeLessThanOrEqual(25);
    for (const moved of ['sessionSchema', 'exportVectors', 'parseBaseline', 'runLiveSuite']) {
      expect([moved, Object.keys(library).includes(moved)]).toEqual([moved, false]);
    }
  });

  it('every subpath of package.json "exports" loads and holds what it is for', async () => {
    const entries = entryPoints();
    expect([...entries.keys()].sort()).toEqual(Object.keys(SUBPATHS).sort());
    for (const [subpath, file] of entries) {
      const module = (await import(file)) as Record<string, unknown>;
      const name = SUBPATHS[subpath] as string;
      expect([subpath, name, module[name] !== undefined]).toEqual([subpath, name, true]);
    }
  });
});

describe('runConformance', () => {
  it('certifies Validator objects and target specs side by side', async () => {
    const report = await runConformance([acceptHandles, 'reference'], {
      ...FAST,
      rules: 'handle.length.max,handle.accept.*',
    });
    expect(report.seed).toBe(2);
    expect(report.runs).toBe(10);
    expect(report.targets.map((t) => t.target.id)).toEqual(['accept-handles', 'reference']);
    const [lenient, reference] = report.targets;
    expect(lenient?.conformant).toBe(false);
    expect(lenient?.results.find((r) => r.rule === 'handle.length.max')?.status).toBe('fail');
    expect(reference?.conformant).toBe(true);
    expect(Object.keys(report.rules)).toEqual(selectRules('handle.length.max,handle.accept.*'));
  });

  it('takes one target alone and rule globs as an array', async () => {
    const report = await runConformance(acceptHandles, {
      ...FAST,
      rules: ['did.prefix', 'handle.type.*'],
    });
    expect(report.targets[0]?.results.map((r) => [r.rule, r.status])).toEqual([
      ['handle.type.string', 'fail'],
      ['did.prefix', 'skip'],
    ]);
  });

  it('marks known failures and fixed rules from a baseline object or file', async () => {
    const baseline: Baseline = {
      version: 1,
      knownFailures: [
        { target: 'accept-handles', rule: 'handle.length.max' },
        { target: 'accept-handles', rule: 'handle.accept.syntax' },
      ],
    };
    const rules = 'handle.length.max,handle.accept.syntax';
    const fromObject = await runConformance(acceptHandles, { ...FAST, rules, baseline });
    const dir = await mkdtemp(join(tmpdir(), 'library-baseline-'));
    try {
      const file = join(dir, 'baseline.json');
      await writeFile(file, JSON.stringify(baseline));
      const fromFile = await runConformance(acceptHandles, { ...FAST, rules, baseline: file });
      for (const report of [fromObject, fromFile]) {
        expect(report.targets[0]?.results.map((r) => [r.rule, r.baseline])).toEqual([
          ['handle.length.max', 'known-failure'],
          ['handle.accept.syntax', 'fixed'],
        ]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('leaves a started Target open for its owner', async () => {
    const target = fakeTarget('mine', ['did'], 'invalid');
    const report = await runConformance(target, { ...FAST, rules: 'did.prefix' });
    expect(report.targets[0]?.results[0]?.status).toBe('pass');
    expect(target.closed()).toBe(0);
  });

  it('throws TargetStartError for a target that cannot start or is not a validator', async () => {
    await expect(runConformance(['reference', 'no-such-target'], FAST)).rejects.toThrow(
      TargetStartError,
    );
    const broken = {
      name: 'broken',
      kinds: ['email'],
      validate: () => true,
    } as unknown as Validator;
    await expect(runConformance(broken, FAST)).rejects.toThrow(
      'not a validator: "kinds" has unknown kind',
    );
  });

  it('refuses rule globs that match no validator rule', async () => {
    await expect(runConformance(acceptHandles, { rules: 'nothing.*' })).rejects.toThrow(
      'no validator rule matches nothing.*',
    );
    expect(() => selectRules('live-only.*,,')).toThrow(RangeError);
  });
});
