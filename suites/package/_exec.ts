import { spawn } from 'node:child_process';

export interface ExecResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/*
 * Child processes get the environment without what `npm test` and jest add: npm's per-run
 * settings (npm_config_local_prefix would point a nested npm at this repository) and
 * NODE_OPTIONS. The npm cache and registry settings stay, so offline installs find the cache.
 */
const KEEP_NPM = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);

export function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !(name.toLowerCase().startsWith('npm_') && !KEEP_NPM.has(name.toLowerCase())) &&
        name !== 'NODE_OPTIONS' &&
        name !== 'INIT_CWD',
    ),
  );
}

/** Runs a program to the end; never rejects on a non-zero exit code. */
export function exec(command: string, args: readonly string[], cwd: string): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      stdout += t;
    });
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
