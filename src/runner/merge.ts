import {
  isConformant,
  type Report,
  type RuleResult,
  summarize,
  type TargetReport,
} from '../report/model.js';

export class MergeError extends Error {
  override readonly name = 'MergeError';
}

/**
 * Joins shard reports (`run --shard i/n`) into one. The shards must come from the same run
 * settings (seed, runs); results are put back in catalogue order, and summaries and verdicts are
 * recomputed, so merging every shard gives the same verdicts as a single run.
 */
export function mergeReports(reports: readonly Report[]): Report {
  const [first] = reports;
  if (first === undefined) throw new MergeError('nothing to merge');
  for (const r of reports) {
    if (r.seed !== first.seed || r.runs !== first.runs) {
      throw new MergeError(
        `reports come from different runs (seed ${r.seed}/${first.seed}, runs ${r.runs}/${first.runs})`,
      );
    }
  }
  const rules = Object.assign({}, ...reports.map((r) => r.rules)) as Report['rules'];
  const order = new Map(Object.keys(rules).map((id, i) => [id, i]));
  const byTarget = new Map<
    string,
    { head: TargetReport; results: Map<string, RuleResult>; stderr: string[] }
  >();
  for (const report of reports) {
    for (const t of report.targets) {
      let entry = byTarget.get(t.target.id);
      if (entry === undefined) {
        entry = { head: t, results: new Map(), stderr: [] };
        byTarget.set(t.target.id, entry);
      }
      for (const r of t.results) {
        if (entry.results.has(r.rule)) {
          throw new MergeError(
            `rule ${r.rule} appears twice for target ${t.target.id}: overlapping shards?`,
          );
        }
        entry.results.set(r.rule, r);
      }
      if (t.stderr !== undefined) entry.stderr.push(t.stderr);
    }
  }
  const targets: TargetReport[] = [...byTarget.values()].map(({ head, results, stderr }) => {
    const sorted = [...results.values()].sort(
      (a, b) => (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0),
    );
    const { stderr: _s, shard: _sh, ...rest } = head as TargetReport & { shard?: unknown };
    return {
      ...rest,
      results: sorted,
      summary: summarize(sorted),
      conformant: isConformant(sorted),
      ...(stderr.length > 0 ? { stderr: stderr.join('\n') } : {}),
    };
  });
  const { shard: _shard, ...base } = first;
  return {
    ...base,
    startedAt: reports.map((r) => r.startedAt).sort()[0] ?? first.startedAt,
    finishedAt:
      reports
        .map((r) => r.finishedAt)
        .sort()
        .at(-1) ?? first.finishedAt,
    rules,
    targets,
  };
}
