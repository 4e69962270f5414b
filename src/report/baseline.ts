import type { Report, RuleResult } from './model.js';

/*
 * A baseline lists known failures by target and rule ID, so a validator with documented
 * deviations can be regression-tested in CI: with a baseline, the run fails only on new failures
 * and on known failures that are now fixed (so the baseline gets updated).
 */

export interface BaselineEntry {
  readonly target: string;
  readonly rule: string;
  readonly reason?: string;
}

export interface Baseline {
  readonly version: 1;
  readonly knownFailures: readonly BaselineEntry[];
}

export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

export function parseBaseline(text: string, source: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`${source} is not JSON: ${(err as Error).message}`);
  }
  const d = data as Partial<Baseline>;
  if (typeof d !== 'object' || d === null || d.version !== 1 || !Array.isArray(d.knownFailures)) {
    throw new BaselineError(
      `${source} is not a baseline: expected {"version":1,"knownFailures":[{"target","rule","reason"?}]}`,
    );
  }
  for (const [i, e] of d.knownFailures.entries()) {
    if (typeof e?.target !== 'string' || typeof e?.rule !== 'string') {
      throw new BaselineError(`${source}: knownFailures[${i}] needs string "target" and "rule"`);
    }
  }
  return d as Baseline;
}

const failing = (r: RuleResult): boolean => r.status === 'fail' || r.status === 'error';

export interface BaselineComparison {
  /** Failures (any level) not in the baseline. */
  readonly newFailures: readonly BaselineEntry[];
  /** Baseline entries whose rule now passes for that target. */
  readonly fixed: readonly BaselineEntry[];
  /** The report, with `baseline` marks on the results it lists. */
  readonly report: Report;
}

export function applyBaseline(report: Report, baseline: Baseline): BaselineComparison {
  const known = new Set(baseline.knownFailures.map((e) => `${e.target}\u0000${e.rule}`));
  const newFailures: BaselineEntry[] = [];
  const fixed: BaselineEntry[] = [];
  const targets = report.targets.map((t) => ({
    ...t,
    results: t.results.map((r): RuleResult => {
      const isKnown = known.has(`${t.target.id}\u0000${r.rule}`);
      if (failing(r) && !isKnown) newFailures.push({ target: t.target.id, rule: r.rule });
      if (failing(r) && isKnown) return { ...r, baseline: 'known-failure' };
      if (r.status === 'pass' && isKnown) {
        fixed.push({ target: t.target.id, rule: r.rule });
        return { ...r, baseline: 'fixed' };
      }
      return r;
    }),
  }));
  return { newFailures, fixed, report: { ...report, targets } };
}

/** A baseline that records every current failure, for `--write-baseline`. */
export function baselineFrom(report: Report): Baseline {
  return {
    version: 1,
    knownFailures: report.targets.flatMap((t) =>
      t.results
        .filter(failing)
        .map((r) => ({ target: t.target.id, rule: r.rule, reason: r.message ?? '' })),
    ),
  };
}
