import { readFileSync } from 'node:fs';
import type { ValidationRequest, Verdict } from '../../../src/contract/validator.js';
import {
  type CmdTarget,
  type CmdTargetOptions,
  createCmdTarget,
} from '../../../src/targets/cmd.js';
import { resourcePath } from '../../../src/util/paths.js';

// Generous timeouts where nothing should time out (the suite may run on a loaded machine); a
// short one only where a hang is the point of the test.
export const FAST = { timeoutMs: 5_000, startTimeoutMs: 10_000, stopGraceMs: 300 };
export const HANG = { timeoutMs: 1_000 };

const open: CmdTarget[] = [];

/** Starts a `cmd:` target that `closeCmdTargets` (in afterEach) closes. */
export async function startCmd(
  spec: string,
  options: Partial<CmdTargetOptions> = {},
): Promise<CmdTarget> {
  const target = await createCmdTarget(spec, spec.slice('cmd:'.length), { ...FAST, ...options });
  open.push(target);
  return target;
}

export async function closeCmdTargets(): Promise<void> {
  await Promise.all(open.splice(0).map((t) => t.close()));
}

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
