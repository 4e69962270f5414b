import {
  isConformant,
  type Report,
  type RuleResult,
  summarize,
  type TargetReport,
} from './model.js';

export class MergeError extends Error {
  override readonly name = 'MergeError';
}

/** At most this many missing shards are named in an error; the rest are counted. */
const MAX_NAMED = 10;

/**
 * Joins shard reports (`run --shard i/n`) into one. The shards must come from the same run
 * settings (tool version, seed, runs, rules, and for shards the targets), be complete (not
 * interrupted, not cut short by --max-failures) and form a complete set: if any report is a shard, all are, of the same
 * n, and 1/n to n/n each appear once. Reports of plain runs (no shard) may be merged too, e.g.
 * runs of different targets. Results are put back in catalogue order, and summaries and verdicts
 * are recomputed, so merging every shard gives the same verdicts as a single run. `names` (file
 * names, say) label the reports in error messages.
 */
export function mergeReports(
  reports: readonly Report[],
  names: readonly string[] = reports.map((_, i) => `report ${i + 1}`),
): Report {
  const [first] = reports;
  if (first === undefined) throw new MergeError('nothing to merge');
  const nameOf = (i: number): string => names[i] ?? `report ${i + 1}`;
  reports.forEach((r, i) => {
    checkComplete(r, nameOf(i));
    const difference = differs(first, r, first.shard !== undefined);
    if (difference !== undefined) {
      throw new MergeError(`${nameOf(i)} differs from ${nameOf(0)} in ${difference}`);
    }
  });
  checkShards(reports, nameOf);
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

/** A report stopped early has rules missing: merged, they would read as a complete run. */
function checkComplete(r: Report, name: string): void {
  if (r.interrupted === true) {
    throw new MergeError(`${name} is from an interrupted run (Ctrl-C): run it again in full`);
  }
  if (r.notRun !== undefined && r.notRun.length > 0) {
    throw new MergeError(
      `${name} is a partial run (--max-failures): ${r.notRun.length} rules were not run`,
    );
  }
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** How two reports' run settings differ, or undefined when they could come from one run. */
function differs(a: Report, b: Report, sharded: boolean): string | undefined {
  if (a.tool.version !== b.tool.version) {
    return `tool version (${b.tool.version} vs ${a.tool.version})`;
  }
  if (a.seed !== b.seed) return `seed (${b.seed} vs ${a.seed})`;
  if (a.runs !== b.runs) return `runs (${b.runs} vs ${a.runs})`;
  const rulesA = Object.keys(a.rules);
  const rulesB = Object.keys(b.rules);
  if (!sameList([...rulesA].sort(), [...rulesB].sort())) {
    const only = rulesB.filter((r) => !rulesA.includes(r));
    const missing = rulesA.filter((r) => !rulesB.includes(r));
    const parts = [
      ...(only.length > 0 ? [`it has ${only.slice(0, 3).join(', ')}`] : []),
      ...(missing.length > 0 ? [`it lacks ${missing.slice(0, 3).join(', ')}`] : []),
    ];
    return `rules (${rulesB.length} vs ${rulesA.length}: ${parts.join('; ')})`;
  }
  // Every shard of one run lists every target; plain runs of different targets may be joined.
  const targetsA = a.targets.map((t) => t.target.id);
  const targetsB = b.targets.map((t) => t.target.id);
  if (sharded && !sameList(targetsA, targetsB)) {
    return `targets (${targetsB.join(', ')} vs ${targetsA.join(', ')})`;
  }
  return undefined;
}

/** The `i/n` label of a shard report as numbers, or undefined when it is not one. */
function shardOf(label: string | undefined): { index: number; count: number } | undefined {
  if (label === undefined || !/^\d+\/\d+$/.test(label)) return undefined;
  const [index = 0, count = 0] = label.split('/').map(Number);
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/** Throws unless the reports are all unsharded, or exactly the shards 1/n to n/n of one split. */
function checkShards(reports: readonly Report[], nameOf: (i: number) => string): void {
  const plain = reports.flatMap((r, i) => (r.shard === undefined ? [nameOf(i)] : []));
  if (plain.length === reports.length) return;
  if (plain.length > 0) {
    throw new MergeError(
      `cannot merge shards with unsharded reports: ${plain.join(', ')} ${plain.length === 1 ? 'has' : 'have'} no shard`,
    );
  }
  const shards = reports.map((r, i) => {
    const s = shardOf(r.shard);
    if (s === undefined)
      throw new MergeError(`${nameOf(i)} has a malformed shard ${JSON.stringify(r.shard)}`);
    return s;
  });
  const n = shards[0]?.count ?? 1;
  if (shards.some((s) => s.count !== n)) {
    const splits = reports.map((r, i) => `${nameOf(i)} is ${r.shard}`).join(', ');
    throw new MergeError(`shards of different splits cannot be merged: ${splits}`);
  }
  const holders = new Map<number, string[]>();
  shards.forEach((s, i) => {
    holders.set(s.index, [...(holders.get(s.index) ?? []), nameOf(i)]);
  });
  // n may be huge: name the first few missing shards and count the rest.
  const missingCount = n - holders.size;
  const missing: string[] = [];
  for (let i = 1; i <= n && missing.length < MAX_NAMED; i++) {
    if (!holders.has(i)) missing.push(`${i}/${n}`);
  }
  const twice = [...holders]
    .filter(([, files]) => files.length > 1)
    .sort(([a], [b]) => a - b)
    .map(([i, files]) => `${i}/${n} given ${files.length} times (${files.join(', ')})`);
  const more = missingCount > missing.length ? ` and ${missingCount - missing.length} more` : '';
  const problems = [
    ...(missingCount === 0 ? [] : [`missing ${missing.join(', ')}${more}`]),
    ...twice,
  ];
  if (problems.length > 0) {
    throw new MergeError(`need shards 1/${n} to ${n}/${n}, each once: ${problems.join('; ')}`);
  }
}
