import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from '../../../src/util/paths.js';

/*
 * The CLI as users run it: compiled JavaScript in a real process, so signals reach it. The build
 * goes to a temporary package folder (package.json copied, data and node_modules linked), never
 * into this repository's dist/, which other tests may be building at the same time.
 */

const root = packageRoot();

/** Builds the CLI into a fresh temporary package and returns the path of its bin.js. */
export async function buildCli(): Promise<{ dir: string; bin: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'built-cli-'));
  await copyFile(join(root, 'package.json'), join(dir, 'package.json'));
  for (const name of ['node_modules', 'vendor', 'schemas']) {
    await symlink(join(root, name), join(dir, name));
  }
  await mkdir(join(dir, 'dist'));
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const args = ['-p', join(root, 'tsconfig.build.json'), '--outDir', join(dir, 'dist')];
  args.push('--tsBuildInfoFile', join(dir, 'dist/.tsbuildinfo'), '--sourceMap', 'false');
  await promisify(execFile)(process.execPath, [tsc, ...args], { cwd: root });
  return { dir, bin: join(dir, 'dist/src/bin.js') };
}

export interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stderr: () => string;
  readonly stdout: () => string;
  /** Resolves when stderr matches. */
  readonly waitFor: (pattern: RegExp) => Promise<void>;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function start(bin: string, args: readonly string[], cwd: string): Running {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [bin, ...args], { cwd, env });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (t: string) => {
    out += t;
  });
  child.stderr.setEncoding('utf8').on('data', (t: string) => {
    err += t;
    for (const w of waiters.filter((x) => x.pattern.test(err))) w.resolve();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        if (pattern.test(err)) return resolve();
        waiters.push({ pattern, resolve });
        void exit.then(() => reject(new Error(`exited before ${pattern}; stderr:\n${err}`)));
      }),
    exit,
  };
}
