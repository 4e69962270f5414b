import type { Report, RuleResult } from './model.js';

/*
 * A baseline lists known failures by target and rule ID, so a validator with documented
 * deviations can be regression-tested in CI: with a baseline, the run fails only on new failures
 * and on known failures that are now fixed (so the baseline gets updated). An `error` (the
 * validator threw, hung or crashed) is a known failure only when its entry says `"status":
 * "error"`: a baseline written for wrong verdicts must not hide a validator that stopped working.
 */

export interface BaselineEntry {
  readonly target: string;
  readonly rule: string;
  /** `error` when the known failure is an error; absent (or `fail`) for a wrong verdict. */
  readonly status?: 'fail' | 'error';
  readonly reason?: string;
}

export interface Baseline {
  readonly version: 1;
  readonly knownFailures: readonly BaselineEntry[];
}

export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

const SHAPE = `expected {"version":1,"knownFailures":[{"target","rule","status"?,"reason"?}]}`;

export function parseBaseline(text: string, source: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`${source} is not JSON: ${(err as Error).message}`);
  }
  const d = data as Partial<Baseline>;
  if (typeof d !== 'object' || d === null || d.version !== 1 || !Array.isArray(d.knownFailures)) {
    throw new BaselineError(`${source} is not a baseline: ${SHAPE}`);
  }
  for (const [i, e] of d.knownFailures.entries()) {
    if (typeof e?.target !== 'string' || typeof e?.rule !== 'string') {
      throw new BaselineError(`${source}: knownFailures[${i}] needs string "target" and "rule"`);
    }
    if (e.status !== undefined && e.status !== 'fail' && e.status !== 'error') {
      throw new BaselineError(
        `${source}: knownFailures[${i}] has status ${JSON.stringify(e.status)} (expected "fail" or "error")`,
      );
    }
    if (e.reason !== undefined && typeof e.reason !== 'string') {
      throw new BaselineError(`${source}: knownFailures[${i}] has a "reason" that is not a string`);
    }
  }
  return d as Baseline;
}

/**
 * Entries that cannot match anything in this run: rule IDs not in the catalogue (a typo would
 * otherwise hide nothing and stay unnoticed) and targets not being certified. One text each.
 */
export function baselineProblems(
  baseline: Baseline,
  known: { readonly rules: ReadonlySet<string>; readonly targets: readonly string[] },
): string[] {
  return baseline.knownFailures.flatMap((e, i) => {
    const problems: string[] = [];
    if (!known.rules.has(e.rule)) {
      problems.push(`knownFailures[${i}] names unknown rule ${JSON.stringify(e.rule)}`);
    }
    if (!known.targets.includes(e.target)) {
      problems.push(
        `knownFailures[${i}] names target ${JSON.stringify(e.target)}, which this run does not certify`,
      );
    }
    return problems;
  });
}

const failing = (r: RuleResult): boolean => r.status === 'fail' || r.status === 'error';
const key = (target: string, rule: string): string => `${target}\u0000${rule}`;

export interface BaselineComparison {
  /** Failures and errors (any level) that the baseline does not list with that status. */
  readonly newFailures: readonly BaselineEntry[];
  /** Baseline entries whose rule now passes for that target. */
  readonly fixed: readonly BaselineEntry[];
  /** Known failures seen again, as listed. */
  readonly matched: number;
  /** The report, with `baseline` marks on the results it lists. */
  readonly report: Report;
}

export function applyBaseline(report: Report, baseline: Baseline): BaselineComparison {
  const known = new Map(baseline.knownFailures.map((e) => [key(e.target, e.rule), e]));
  const newFailures: BaselineEntry[] = [];
  const fixed: BaselineEntry[] = [];
  let matched = 0;
  const targets = report.targets.map((t) => ({
    ...t,
    results: t.results.map((r): RuleResult => {
      const entry = known.get(key(t.target.id, r.rule));
      if (failing(r)) {
        if (entry !== undefined && (entry.status ?? 'fail') === r.status) {
          matched++;
          return { ...r, baseline: 'known-failure' };
        }
        // As in a baseline file: no status means a failure.
        newFailures.push({
          target: t.target.id,
          rule: r.rule,
          ...(r.status === 'error' ? { status: 'error' as const } : {}),
        });
        return r;
      }
      if (r.status === 'pass' && entry !== undefined) {
        fixed.push(entry);
        return { ...r, baseline: 'fixed' };
      }
      return r;
    }),
  }));
  return { newFailures, fixed, matched, report: { ...report, targets } };
}

/**
 * A baseline that records every current failure, for `--write-baseline`. Reasons of `previous`
 * (the file being rewritten, or the baseline used) are kept, and so are its entries for target
 * and rule pairs this run did not cover (other shards, other --rules), so a partial run never
 * drops what people wrote down.
 */
export function baselineFrom(report: Report, previous?: Baseline): Baseline {
  const before = new Map((previous?.knownFailures ?? []).map((e) => [key(e.target, e.rule), e]));
  const covered = new Set(
    report.targets.flatMap((t) => t.results.map((r) => key(t.target.id, r.rule))),
  );
  const current = report.targets.flatMap((t) =>
    t.results.filter(failing).map((r): BaselineEntry => {
      const reason = before.get(key(t.target.id, r.rule))?.reason ?? r.message ?? '';
      return {
        target: t.target.id,
        rule: r.rule,
        ...(r.status === 'error' ? { status: 'error' as const } : {}),
        reason,
      };
    }),
  );
  const kept = (previous?.knownFailures ?? []).filter((e) => !covered.has(key(e.target, e.rule)));
  return { version: 1, knownFailures: [...current, ...kept] };
}
