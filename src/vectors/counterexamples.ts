import type { Report } from '../report/model.js';
import { VALIDATOR_KINDS, type ValidatorKind } from '../spec/rules/index.js';
import { TOOL_NAME, toolVersion } from '../util/version.js';
import type { VectorCounts, VectorEntry } from './format.js';
import { writeVectorFiles } from './write.js';

const isValidatorKind = (kind: string): kind is ValidatorKind =>
  (VALIDATOR_KINDS as readonly string[]).includes(kind);

/**
 * The counterexamples of a report as vector entries: failed results of validator kinds only
 * (an errored result says nothing about the value, and live checks are not syntax vectors).
 */
export function counterexampleEntries(report: Report): VectorEntry[] {
  const entries: VectorEntry[] = [];
  for (const t of report.targets) {
    for (const r of t.results) {
      const ce = r.counterexample;
      if (r.status !== 'fail' || ce === undefined || !isValidatorKind(ce.kind)) continue;
      const answer = ce.actual === null ? 'no answer' : ce.actual ? 'accepted' : 'rejected';
      const replay =
        r.replay === undefined ? '' : ` (seed ${r.replay.seed}, path ${r.replay.path})`;
      entries.push({
        kind: ce.kind,
        value: ce.value,
        valid: ce.expected,
        violates: [...(ce.violates ?? [])],
        notes: [`${t.target.id} ${answer} it: ${r.rule}${replay}`],
      });
    }
  }
  return entries;
}

/**
 * Writes every counterexample of a report in the vector formats (the four interop text files
 * and sessions.jsonl, with the vectors.json manifest) into `dir`, so a failure found here becomes
 * a regression vector for validators in any language. Returns how many values each file got.
 */
export async function exportCounterexamples(report: Report, dir: string): Promise<VectorCounts> {
  const header = [
    `${TOOL_NAME} ${toolVersion()}: counterexamples of a conformance run.`,
    `Run seed ${report.seed}, ${report.runs} cases per rule, finished ${report.finishedAt}.`,
    'The comment above a value (its notes in sessions.jsonl) names the target that answered wrongly and the rule.',
  ];
  const settings = { seed: report.seed, runs: report.runs, finishedAt: report.finishedAt };
  return writeVectorFiles(dir, counterexampleEntries(report), { header, settings });
}
