import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { packageRoot } from '../../src/util/paths.js';
import {
  consumerTsconfig,
  ESM_APP,
  GOOD_VALIDATOR,
  LENIENT_VALIDATOR,
  TYPED_APP,
} from './_consumer.js';
import { type ExecResult, exec } from './_exec.js';
import { consumerManifests } from './_lockfile.js';
import { writeReadmeJestProject } from './_readme.js';

/*
 * The published package, end to end: `npm pack` (which builds through `prepare`), an offline
 * install of the tarball into a new project outside the repository, then the CLI, ESM imports
 * and type-checking from that project, as a user gets them. The install uses a lockfile pinned
 * to this repository's locked versions (see _lockfile.ts), so it needs nothing but the tarballs
 * `npm ci` cached. Nothing here writes to the repository except the build output (dist/) that
 * `npm pack` refreshes.
 */

const root = packageRoot();
const SLOW = 180_000;

let work = '';
let project = '';
let installed = '';

function files(dir: string): Promise<string[]> {
  return readdir(dir, { recursive: true, withFileTypes: true }).then((entries) =>
    entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))),
  );
}

/** `npx atproto-conformance ...` in the consumer project, never reaching for the network. */
function cli(args: readonly string[], cwd = project): Promise<ExecResult> {
  return exec('npx', ['--no', '--', 'atproto-conformance', ...args], cwd);
}

function explain(r: ExecResult): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'atproto-conformance-package-'));
  const packDir = join(work, 'pack');
  project = join(work, 'consumer');
  await mkdir(packDir);
  await mkdir(project);
  const pack = await exec('npm', ['pack', '--pack-destination', packDir], root);
  expect([pack.code, explain(pack)]).toEqual([0, expect.any(String)]);
  const [tarball] = (await readdir(packDir)).filter((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball\n${explain(pack)}`);

  const registry = await exec('npm', ['config', 'get', 'registry'], project);
  const manifests = await consumerManifests(
    root,
    project,
    join(packDir, tarball),
    registry.stdout.trim(),
  );
  await writeFile(join(project, 'package.json'), manifests.packageJson);
  await writeFile(join(project, 'package-lock.json'), manifests.lockfile);
  const install = await exec('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project);
  expect([install.code, explain(install)]).toEqual([0, expect.any(String)]);
  installed = join(project, 'node_modules', 'atproto-session-conformance');
}, SLOW);

afterAll(async () => {
  if (work !== '') await rm(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('ships the build, schemas, vendored data, docs and README, and no tests or maps', async () => {
    const list = await files(installed);
    for (const f of [
      'package.json',
      'README.md',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/jest/index.d.ts',
      'dist/generators/index.d.ts',
      'dist/src/bin.js',
      'schemas/session.schema.json',
      'vendor/interop/handle_syntax_valid.txt',
      'docs/library.md',
    ]) {
      expect([f, list.includes(f)]).toEqual([f, true]);
    }
    const unwanted = list.filter((f) =>
      // The example harnesses ship (the docs point at them); other examples and sources do not.
      /^(suites|src)\/|^examples\/(?!harnesses\/)|\.map$|tsbuildinfo|\.test\./.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  it('installs the CLI as an executable with a node shebang', async () => {
    const bin = join(installed, 'dist/src/bin.js');
    expect((await readFile(bin, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');
    expect((await stat(bin)).mode & 0o111).toBe(0o111);
    const help = await cli(['--help']);
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^Usage: atproto-conformance <command>/);
    for (const command of ['run', 'rules', 'export-vectors'])
      expect(help.stdout).toContain(command);
  });
});

describe('the CLI from the installed package', () => {
  it(
    'certifies a module target: exit 0 and every report file when conformant',
    async () => {
      await writeFile(join(project, 'good.mjs'), GOOD_VALIDATOR);
      const args = ['--target', 'module:./good.mjs', '--rules', 'handle.*,did.*', '--runs', '20'];
      const r = await cli(['run', ...args, '--seed', '5', '--out', 'reports-good']);
      expect([r.code, explain(r)]).toEqual([0, expect.any(String)]);
      const out = join(project, 'reports-good');
      expect((await readdir(out)).sort()).toEqual([
        'junit.xml',
        'report.html',
        'report.json',
        'report.md',
      ]);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
      expect(report.seed).toBe(5);
      expect(report.targets.map((t: { target: { id: string } }) => t.target.id)).toEqual([
        'module:./good.mjs',
      ]);
      expect(report.targets[0].conformant).toBe(true);
    },
    SLOW,
  );

  it(
    'exits 1 with a failing report for a validator that accepts everything',
    async () => {
      await writeFile(join(project, 'lenient.mjs'), LENIENT_VALIDATOR);
      const args = [
        '--target',
        'module:./lenient.mjs',
        '--rules',
        'handle.length.max',
        '--runs',
        '10',
      ];
      const r = await cli([
        'run',
        ...args,
        '--seed',
        '5',
        '--out',
        'reports-lenient',
        '--format',
        'json',
      ]);
      expect([r.code, explain(r)]).toEqual([1, expect.any(String)]);
      const report = JSON.parse(
        await readFile(join(project, 'reports-lenient/report.json'), 'utf8'),
      );
      expect(report.targets[0].conformant).toBe(false);
      expect(report.targets[0].results[0].status).toBe('fail');
    },
    SLOW,
  );

  it(
    'runs the baseline example: exit 0 while the deviations are exactly the documented ones',
    async () => {
      const example = join(project, 'baseline-example');
      await mkdir(example);
      for (const f of ['validator.mjs', 'known-failures.json']) {
        await copyFile(join(root, 'examples/baseline', f), join(example, f));
      }
      const base = ['run', '--target', 'module:./validator.mjs', '--runs', '50', '--seed', '8'];
      const ok = await cli(
        [...base, '--baseline', 'known-failures.json', '--format', 'json'],
        example,
      );
      expect([ok.code, explain(ok)]).toEqual([0, expect.any(String)]);
      const report = JSON.parse(await readFile(join(example, 'reports/report.json'), 'utf8'));
      const known = report.targets[0].results
        .filter((r: { baseline?: string }) => r.baseline === 'known-failure')
        .map((r: { rule: string }) => r.rule);
      expect(known).toEqual(['handle.length.max', 'handle.label.hyphen-edges', 'did.end.no-colon']);

      // One documented deviation left out of the baseline is a new failure again.
      const baseline = JSON.parse(await readFile(join(example, 'known-failures.json'), 'utf8'));
      baseline.knownFailures = baseline.knownFailures.slice(0, 2);
      await writeFile(join(example, 'partial.json'), JSON.stringify(baseline));
      const regressed = await cli([...base, '--baseline', 'partial.json', '-q'], example);
      expect(regressed.code).toBe(1);
      expect(regressed.stderr).toContain('new failure: module:./validator.mjs did.end.no-colon');
    },
    SLOW,
  );

  it(
    'exports vectors',
    async () => {
      const r = await cli(['export-vectors', '--out', 'vectors', '--count', '2', '--seed', '4']);
      expect([r.code, explain(r)]).toEqual([0, expect.any(String)]);
      expect((await readdir(join(project, 'vectors'))).sort()).toEqual([
        'did_syntax_invalid.txt',
        'did_syntax_valid.txt',
        'handle_syntax_invalid.txt',
        'handle_syntax_valid.txt',
        'sessions.jsonl',
        'vectors.json',
      ]);
    },
    SLOW,
  );
});

describe('the library from the installed package', () => {
  it(
    'imports every entry point (main, generators, jest and each subpath) in plain ESM',
    async () => {
      await writeFile(join(project, 'app.mjs'), ESM_APP);
      const r = await exec(process.execPath, ['app.mjs'], project);
      expect([r.code, explain(r)]).toEqual([0, expect.any(String)]);
      const out = JSON.parse(r.stdout);
      expect(out).toEqual({
        rules: expect.any(Number),
        conformant: true,
        results: expect.any(Number),
        validHandles: true,
        invalidHandles: true,
        outsideJest: expect.stringContaining('describeConformance needs jest'),
        schema: expect.any(String),
        subpaths: { oracle: true, zod: true, vectors: true, baseline: true, live: true },
      });
      expect(out.rules).toBeGreaterThan(50);
      expect(out.results).toBeGreaterThan(10);
    },
    SLOW,
  );

  it(
    "runs the README's jest snippet as written, with the tsconfig and jest config it states",
    async () => {
      const dir = join(project, 'readme-jest');
      const modules = join(project, 'node_modules');
      await writeReadmeJestProject(
        join(root, 'README.md'),
        dir,
        modules,
        join(root, 'node_modules'),
      );
      const jest = join(root, 'node_modules/jest/bin/jest.js');
      const r = await exec(
        process.execPath,
        ['--experimental-vm-modules', jest, '--ci', '--verbose', '--watchman=false'],
        dir,
      );
      expect([r.code, explain(r)]).toEqual([0, expect.any(String)]);
      expect(r.stderr).toMatch(/handle\.length\.max \(MUST\) \[known failure\]/);
      // The describe block is named after the module spec: the validator ran in a worker thread.
      expect(r.stderr).toContain(`module:${join(dir, 'dist', 'validator.js')}`);
      expect(r.stderr).toMatch(/Tests: +\d+ passed/);
    },
    SLOW,
  );

  it(
    'type-checks a TypeScript file against the shipped declarations',
    async () => {
      await writeFile(join(project, 'app.ts'), TYPED_APP);
      await writeFile(
        join(project, 'tsconfig.json'),
        consumerTsconfig(join(root, 'node_modules/@types')),
      );
      const tsc = join(root, 'node_modules/typescript/bin/tsc');
      const r = await exec(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], project);
      expect([r.code, r.stdout]).toEqual([0, '']);
    },
    SLOW,
  );
});
