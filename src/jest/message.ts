import { describeActual, describeExpected, describeSource, toJson } from '../report/describe.js';
import type { Report, RuleResult } from '../report/model.js';
import { replayCommand } from '../report/replay.js';

/** Longer counterexamples are cut in the message; the replay command reproduces them whole. */
const MAX_VALUE_CHARS = 600;

function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((l) => `${prefix}${l}`)
    .join('\n');
}

function valueText(value: unknown): string {
  const json = toJson(value);
  if (json.length <= MAX_VALUE_CHARS) return json;
  return `${json.slice(0, MAX_VALUE_CHARS)}... (${json.length} characters of JSON)`;
}

/**
 * What a failing rule test shows: the rule (ID, level, summary, spec quote), the counterexample
 * with the expected and actual verdicts, the seed and the command that replays exactly this case.
 * `replayTarget` is what `--target` should be on the command line.
 */
export function failureMessage(report: Report, result: RuleResult, replayTarget: string): string {
  const info = report.rules[result.rule];
  const target = report.targets[0];
  const lines = [
    `${result.rule} (${result.level}) ${result.status === 'error' ? 'errored' : 'failed'} for ${target?.target.name ?? replayTarget}`,
  ];
  if (info !== undefined) {
    const source = describeSource(info.source);
    lines.push(`  Rule: ${info.summary}`, `  Spec: ${source.where}`);
    if (source.quote !== undefined) lines.push(indent(source.quote, '    > '));
  }
  if (result.message !== undefined) lines.push(`  What happened: ${result.message}`);
  const ce = result.counterexample;
  if (ce !== undefined) {
    lines.push(`  Counterexample (${ce.kind}):`, indent(valueText(ce.value)));
    lines.push(`  Expected: ${describeExpected(ce)}`, `  Actual: ${describeActual(ce)}`);
    if (ce.violates !== undefined && ce.violates.length > 0) {
      lines.push(`  The value breaks: ${ce.violates.join(', ')}`);
    }
    if (ce.errors !== undefined && ce.errors.length > 0) {
      lines.push(`  Validator said: ${ce.errors.join('; ')}`);
    }
  }
  const seed = result.replay?.seed ?? report.seed;
  lines.push(
    `  Seed: ${seed} (${report.runs} cases per rule); pass { seed: ${seed} } to run the same cases again.`,
  );
  lines.push('  Replay this case:', indent(replayCommand(report, replayTarget, result)));
  return lines.join('\n');
}
