import type { Report, RuleResult } from './model.js';

/** The command users run; the package's `bin` name. */
const CLI = 'npx atproto-conformance run';

/** Where a replay writes by default, so it never replaces the report it came from. */
export const REPLAY_OUT_DIR = 'reports/replay';

/**
 * Quotes a string for POSIX shells: single quotes keep every byte literal (newlines, `$`, `\`,
 * backticks), and an embedded single quote becomes `'\''` (close, escaped quote, reopen).
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A flag with its value. A value that starts with `-` (a negative seed) is joined with `=`, since
 * strict argument parsers read a separate `-5` as another option.
 */
function flag(name: string, value: string, quote = true): string {
  const text = quote ? shellQuote(value) : value;
  return value.startsWith('-') ? `--${name}=${text}` : `--${name} ${text}`;
}

/**
 * The exact command that replays one result: the same target, only this rule, the seed and the
 * fast-check path of the failing case, writing to its own folder. Without a recorded replay the
 * run's seed re-runs the rule from the start. For live results the curl of the recorded exchange follows on its own line.
 */
export function replayCommand(report: Report, targetId: string, result: RuleResult): string {
  // A live result is replayed by its HTTP exchange: `run` cannot target a server.
  if (targetId.startsWith('live:')) {
    return (
      result.exchange?.curl ??
      `npx atproto-conformance live --seed ${report.seed} (see docs/live.md)`
    );
  }
  const seed = result.replay?.seed ?? report.seed;
  const parts = [
    CLI,
    flag('target', targetId),
    flag('rules', result.rule),
    flag('seed', String(seed), false),
  ];
  if (result.replay !== undefined) {
    parts.push(flag('path', result.replay.path), flag('out', REPLAY_OUT_DIR, false));
  }
  const command = parts.join(' ');
  return result.exchange === undefined ? command : `${command}\n${result.exchange.curl}`;
}
