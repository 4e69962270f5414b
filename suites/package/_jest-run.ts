import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../src/util/paths.js';

/*
 * Runs an example folder's jest setup in a child jest, as a user would run it, with one change:
 * the package's import names resolve to this repository's sources instead of an installed copy.
 */

const root = packageRoot();

/** The package's entry points, as the `exports` map names them, mapped to the sources. */
const PACKAGE_SOURCES: Readonly<Record<string, string>> = {
  '^atproto-session-conformance$': join(root, 'src/index.ts'),
  '^atproto-session-conformance/jest$': join(root, 'src/jest/index.ts'),
  '^atproto-session-conformance/generators$': join(root, 'generators/index.ts'),
};

export interface JestTestResult {
  readonly fullName: string;
  readonly status: string;
  readonly failureMessages: string[];
}

export interface JestRun {
  readonly code: number | null;
  readonly success: boolean;
  readonly tests: JestTestResult[];
  readonly stderr: string;
}

interface JestJson {
  success: boolean;
  testResults: { assertionResults: JestTestResult[] }[];
}

export async function runExampleJest(exampleDir: string): Promise<JestRun> {
  const userConfig = (await import(pathToFileURL(join(exampleDir, 'jest.config.mjs')).href))
    .default as { moduleNameMapper?: Record<string, string> };
  const config = {
    ...userConfig,
    rootDir: exampleDir,
    moduleNameMapper: { ...PACKAGE_SOURCES, ...userConfig.moduleNameMapper },
  };
  const out = await mkdtemp(join(tmpdir(), 'example-jest-'));
  try {
    const outputFile = join(out, 'result.json');
    const jestBin = join(root, 'node_modules/jest/bin/jest.js');
    const args = ['--experimental-vm-modules', jestBin, '--config', JSON.stringify(config)];
    args.push('--ci', '--json', '--outputFile', outputFile, '--watchman=false');
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, args, {
          cwd: exampleDir,
          env: { ...process.env, NODE_OPTIONS: '' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let err = '';
        child.stderr.setEncoding('utf8').on('data', (t: string) => {
          err += t;
        });
        child.on('error', reject);
        child.on('close', (c) => resolve({ code: c, stderr: err }));
      },
    );
    const json = JSON.parse(await readFile(outputFile, 'utf8')) as JestJson;
    return {
      code,
      success: json.success,
      tests: json.testResults.flatMap((r) => r.assertionResults),
      stderr,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
