import { existsSync, readFileSync } from 'node:fs';
import {
  type Baseline,
  type BaselineComparison,
  BaselineError,
  baselineProblems,
  parseBaseline,
} from '../report/baseline.js';
import { RULES } from '../spec/rules/index.js';
import { UsageError } from './common.js';
import { terminalText } from './terminal.js';

function parseOrUsage(flag: string, file: string, text: string): Baseline {
  try {
    return parseBaseline(text, `${flag} ${file}`);
  } catch (err) {
    if (err instanceof BaselineError) throw new UsageError(err.message);
    throw err;
  }
}

/** `--baseline FILE`: readable, a baseline, and naming only catalogue rules and run targets. */
export function loadBaseline(file: string, targets: readonly string[]): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read --baseline ${file}`);
  }
  const baseline = parseOrUsage('--baseline', file, text);
  const problems = baselineProblems(baseline, {
    rules: new Set(RULES.map((r) => r.id)),
    targets,
  });
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new UsageError(`--baseline ${file}: ${problems[0]}${more}`);
  }
  return baseline;
}

/**
 * The baseline a `--write-baseline FILE` rewrite starts from: the file itself when it exists
 * (it must then be a baseline: a typo must not overwrite another file), else `--baseline`.
 */
export function previousBaseline(file: string, used: Baseline | undefined): Baseline | undefined {
  if (!existsSync(file)) return used;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--write-baseline ${file}: cannot read the existing file`);
  }
  return parseOrUsage('--write-baseline', file, text);
}

/** One line per new and fixed entry, for stderr (shown even with --quiet). */
export function baselineChanges(cmp: BaselineComparison): string {
  const lines = [
    ...cmp.newFailures.map(
      (f) =>
        `new ${f.status === 'error' ? 'error' : 'failure'}: ${terminalText(f.target)} ${f.rule}`,
    ),
    ...cmp.fixed.map(
      (f) => `fixed (remove from the baseline): ${terminalText(f.target)} ${f.rule}`,
    ),
  ];
  return lines.map((l) => `${l}\n`).join('');
}

/** The counts, for the summary on stdout. */
export function baselineSummary(file: string, cmp: BaselineComparison): string {
  const m = cmp.matched;
  return `Baseline ${file}: ${m} known failure${m === 1 ? '' : 's'} matched, ${cmp.newFailures.length} new, ${cmp.fixed.length} fixed\n`;
}
