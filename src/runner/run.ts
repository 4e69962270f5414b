import type { Target } from '../contract/validator.js';
import {
  isConformant,
  type Report,
  type RuleInfo,
  type RuleResult,
  summarize,
  type TargetReport,
} from '../report/model.js';
import { RULES, type Rule, VALIDATOR_KINDS } from '../spec/rules/index.js';
import { TOOL_NAME, toolVersion } from '../util/version.js';
import type { RunOptions } from './options.js';
import { runRule, type SharedCases, shareCases } from './rule-run.js';
import { inShard } from './shard.js';

/** A target that could not be started: it still gets a column in the report. */
export interface FailedStart {
  readonly id: string;
  readonly error: string;
}

/** The rules a validator run covers: everything but the live-only rules. */
export function validatorRules(ruleIds?: readonly string[]): readonly Rule[] {
  const wanted = ruleIds === undefined ? undefined : new Set(ruleIds);
  return RULES.filter(
    (r) =>
      r.kinds.some((k) => (VALIDATOR_KINDS as readonly string[]).includes(k)) &&
      (wanted?.has(r.id) ?? true),
  );
}

export function ruleInfo(rules: readonly Rule[]): Record<string, RuleInfo> {
  return Object.fromEntries(
    rules.map((r) => {
      // The catalogue's RFC 2119 keyword, once rules carry one.
      const { keyword } = r as { keyword?: string };
      return [
        r.id,
        {
          level: r.level,
          ...(keyword === undefined ? {} : { keyword }),
          area: r.area,
          summary: r.summary,
          source: r.source,
        },
      ];
    }),
  );
}

/**
 * Certifies every target on every selected rule and returns the report model. Cases are
 * generated once per rule and fed to all targets; targets run side by side.
 */
export async function runConformance(
  targets: readonly Target[],
  options: RunOptions,
  failedStarts: readonly FailedStart[] = [],
): Promise<Report> {
  const startedAt = new Date().toISOString();
  const rules = validatorRules(options.ruleIds);
  // Cases are generated once per rule and dropped when the last target has used them.
  const shared = new Map<string, { cases: SharedCases; users: number }>();
  const users = new Map<string, number>();
  const casesFor = (rule: Rule): SharedCases => {
    let s = shared.get(rule.id);
    if (s === undefined) {
      s = { cases: shareCases(rule, options), users: users.get(rule.id) ?? 1 };
      shared.set(rule.id, s);
    }
    return s.cases;
  };
  const release = (rule: Rule): void => {
    const s = shared.get(rule.id);
    if (s !== undefined && --s.users <= 0) shared.delete(rule.id);
  };
  const work = (targetIndex: number): Rule[] =>
    rules.filter((_, ruleIndex) => inShard(targetIndex, ruleIndex, rules.length, options.shard));
  targets.forEach((_, t) => {
    for (const rule of work(t)) users.set(rule.id, (users.get(rule.id) ?? 0) + 1);
  });
  // A Ctrl-C (signal) or --max-failures stops before the next rule; what ran is kept.
  let failures = 0;
  const stopped = (): boolean =>
    options.signal?.aborted === true ||
    (options.maxFailures !== undefined && failures >= options.maxFailures);

  const reports = await Promise.all(
    targets.map(async (target, t): Promise<TargetReport> => {
      const started = Date.now();
      const mine = work(t);
      const results: RuleResult[] = [];
      const progress = (rule: Rule): void =>
        options.onProgress?.({
          target: target.info.id,
          rule: rule.id,
          done: results.length,
          total: mine.length,
          failures,
        });
      for (const rule of mine) {
        // In-process targets never leave the microtask queue: yield so a Ctrl-C can be seen.
        await new Promise((resolve) => setImmediate(resolve));
        if (stopped()) break;
        progress(rule);
        const result = await runRule(rule, target, casesFor(rule), options);
        results.push(result);
        if (result.status === 'fail' || result.status === 'error') failures++;
        release(rule);
        progress(rule);
      }
      const stderr = target.diagnostics();
      return {
        target: {
          id: target.info.id,
          name: target.info.name,
          ...(target.info.version !== undefined ? { version: target.info.version } : {}),
          ...(target.info.language !== undefined ? { language: target.info.language } : {}),
          kinds: [...target.info.kinds],
        },
        conformant: isConformant(results),
        summary: summarize(results),
        results,
        ...(stderr.length > 0 ? { stderr } : {}),
        durationMs: Date.now() - started,
      };
    }),
  );
  for (const [k, failed] of failedStarts.entries()) {
    const results: RuleResult[] = work(targets.length + k).map((r) => ({
      rule: r.id,
      level: r.level,
      area: r.area,
      kind: r.kinds.join(','),
      status: 'error',
      runs: 0,
      message: `target could not be started: ${failed.error}`,
    }));
    reports.push({
      target: { id: failed.id, name: failed.id },
      conformant: false,
      summary: summarize(results),
      results,
      startError: failed.error,
    });
  }
  const notRun = rules
    .filter((rule, ruleIndex) =>
      reports.some(
        (r, t) =>
          t < targets.length &&
          inShard(t, ruleIndex, rules.length, options.shard) &&
          !r.results.some((x) => x.rule === rule.id),
      ),
    )
    .map((r) => r.id);
  return {
    tool: { name: TOOL_NAME, version: toolVersion() },
    profile: 'atproto',
    seed: options.seed,
    runs: options.runs,
    startedAt,
    finishedAt: new Date().toISOString(),
    ...(options.shard !== undefined
      ? { shard: `${options.shard.index}/${options.shard.count}` }
      : {}),
    ...(options.signal?.aborted === true ? { interrupted: true } : {}),
    ...(notRun.length > 0 ? { notRun } : {}),
    rules: ruleInfo(rules),
    targets: reports,
  };
}
