import { type ParseArgsConfig, parseArgs } from 'node:util';
import { selectValidatorRules } from '../runner/select.js';
import type { RuleId } from '../spec/rules/index.js';

/** Exit codes, one meaning each. */
export const EXIT = {
  ok: 0,
  notConformant: 1,
  usage: 2,
  targetStart: 3,
  /** 128 + SIGINT: stopped by Ctrl-C. */
  interrupted: 130,
} as const;

/** fast-check seeds are 32-bit: a larger one would silently alias a smaller one. */
export const MAX_SEED = 2 ** 32 - 1;

/** Wrong flags, values or files: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Where a command writes. Only cli.ts binds this to the real process. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stderr is a terminal: progress overwrites one line there. */
  readonly stderrIsTTY: boolean;
  /** True when stdout is a terminal: the summary may be coloured. */
  readonly stdoutIsTTY?: boolean;
  /** Aborted on Ctrl-C, so long commands can clean up before exiting. */
  readonly signal?: AbortSignal;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  run(argv: readonly string[], io: Io): Promise<number>;
}

type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>
>;

/** parseArgs with strict checking, turning its errors into one-line usage errors. */
export function parseFlags<O extends Options>(
  argv: readonly string[],
  options: O,
  allowPositionals = false,
): { values: Parsed<O>['values']; positionals: string[] } {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (err) {
    const message = (err as Error).message.split('\n')[0] ?? String(err);
    // parseArgs reads `--runs -5` as a flag followed by another option.
    const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
    if (ambiguous !== null) {
      throw new UsageError(
        `${ambiguous[1]} got a value that starts with "-": write ${ambiguous[1]}=<value>`,
      );
    }
    throw new UsageError(message);
  }
}

export function parseIntFlag(
  name: string,
  value: string | undefined,
  min: number,
  max?: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || (max !== undefined && n > max)) {
    const range = max === undefined ? `>= ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`--${name} must be an integer ${range}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** --seed: a fast-check seed (0 to 2^32-1, never silently aliased), or the fallback. */
export function parseSeed(value: string | undefined, fallback: () => number): number {
  return parseIntFlag('seed', value, 0, MAX_SEED) ?? fallback();
}

/** The validator rule IDs matching --rules globs, or a usage error when none does. */
export function selectOrUsage(globs: string): RuleId[] {
  try {
    return selectValidatorRules(globs);
  } catch (err) {
    throw new UsageError(`--rules: ${(err as Error).message} (see "rules")`);
  }
}
