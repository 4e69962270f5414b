import { readFileSync } from 'node:fs';
import type { ValidationRequest, Verdict } from '../../../src/contract/validator.js';
import { resourcePath } from '../../../src/util/paths.js';

/** `cmd:` spec running a fake harness from suites/fixtures/faux/harnesses with this node. */
export function fauxCmd(name: string, ...args: string[]): string {
  const script = resourcePath('suites', 'fixtures', 'faux', 'harnesses', `${name}.mjs`);
  return `cmd:'${process.execPath}' '${script}' ${args.join(' ')}`.trimEnd();
}

export function fauxModule(file: string): string {
  return resourcePath('suites', 'fixtures', 'faux', 'modules', file);
}

/** Handle requests for string values. */
export function handles(...values: unknown[]): ValidationRequest[] {
  return values.map((value) => ({ kind: 'handle', value }));
}

/** The verdict the value-based fakes give (`answerFor` in _lib.mjs). */
export function expectedFor(value: unknown): Verdict {
  return typeof value === 'string' && value.startsWith('ok')
    ? { outcome: 'valid' }
    : { outcome: 'invalid', errors: [JSON.stringify(value)] };
}

export function outcomes(verdicts: readonly Verdict[]): string[] {
  return verdicts.map((v) => v.outcome);
}

/** True while a process with this pid runs (a zombie waiting to be reaped counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."; Z is a zombie.
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Polls `check` until it holds or `ms` have passed; returns its last result. */
export async function eventually(check: () => boolean, ms = 2_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return check();
}
