import type { Target } from '../contract/validator.js';
import {
  isConformant,
  type Report,
  type RuleResult,
  summarize,
  type TargetReport,
} from '../report/model.js';
import { ruleInfo } from '../report/rule-info.js';
import { RULES, type Rule, type RuleId, VALIDATOR_KINDS } from '../spec/rules/index.js';
import { TOOL_NAME, toolVersion } from '../util/version.js';
import { sameThreadSource, workerSource } from './generation/source.js';
import type { RunOptions } from './options.js';
import { runRule, type SharedCases, shareCases } from './rule-run.js';
import { inShard } from './shard.js';
import { StopSignal } from './stop.js';

/** A target that could not be started: it still gets a column in the report. */
export interface FailedStart {
  readonly id: string;
  readonly error: string;
}

/** The rules a validator run covers: everything but the live-only rules. */
export function validatorRules(ruleIds?: readonly RuleId[]): readonly Rule<RuleId>[] {
  const wanted = ruleIds === undefined ? undefined : new Set(ruleIds);
  return RULES.filter(
    (r) =>
      r.kinds.some((k) => (VALIDATOR_KINDS as readonly string[]).includes(k)) &&
      (wanted?.has(r.id) ?? true),
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
  // Cases are generated once per rule and streamed to its targets, the next rule's first chunks
  // while targets work on this one; a rule's stream is dropped when its last target is done.
  const source = options.arbitraryFor === undefined ? workerSource() : sameThreadSource();
  const shared = new Map<string, { cases: SharedCases; users: number }>();
  const users = new Map<string, number>();
  const prepare = (rule: Rule<RuleId>): SharedCases => {
    let s = shared.get(rule.id);
    if (s === undefined) {
      const readers = users.get(rule.id) ?? 1;
      s = { cases: shareCases(rule, options, source, readers), users: readers };
      shared.set(rule.id, s);
    }
    return s.cases;
  };
  const casesFor = async (rule: Rule<RuleId>): Promise<SharedCases> => {
    const next = rules[rules.indexOf(rule) + 1];
    if (next !== undefined && (users.get(next.id) ?? 0) > 0) prepare(next);
    return prepare(rule);
  };
  const release = (rule: Rule<RuleId>): void => {
    const s = shared.get(rule.id);
    if (s !== undefined && --s.users <= 0) shared.delete(rule.id);
  };
  const work = (targetIndex: number): Rule<RuleId>[] =>
    rules.filter((_, ruleIndex) => inShard(targetIndex, ruleIndex, rules.length, options.shard));
  targets.forEach((_, t) => {
    for (const rule of work(t)) users.set(rule.id, (users.get(rule.id) ?? 0) + 1);
  });
  const stop = new StopSignal(options);
  const reports = await Promise.all(
    targets.map(async (target, t): Promise<TargetReport> => {
      const started = Date.now();
      const mine = work(t);
      const results: RuleResult[] = [];
      // Before a rule (what is running) and after it (what is done, failures so far).
      const progress = (rule: Rule<RuleId>): void =>
        options.onProgress?.({
          target: target.info.id,
          rule: rule.id,
          done: results.length,
          total: mine.length,
          failures: stop.failed,
        });
      for (const rule of mine) {
        if (stop.stopped) break;
        progress(rule);
        const result = await stop.race(
          casesFor(rule).then((cases) => runRule(rule, target, cases, options)),
        );
        if (result === undefined) break;
        results.push(result);
        stop.count(result);
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
          ...(target.info.protocol !== undefined ? { protocol: target.info.protocol } : {}),
        },
        conformant: isConformant(results),
        summary: summarize(results),
        results,
        ...(stderr.length > 0 ? { stderr } : {}),
        durationMs: Date.now() - started,
      };
    }),
  ).finally(() => source.close());
  for (const [k, failed] of failedStarts.entries()) {
    const results: RuleResult[] = work(targets.length + k).map((r) => ({
      rule: r.id,
      level: r.level,
      area: r.area,
      kinds: r.kinds,
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
  stop.dispose();
  const notRun = rules
    .filter((rule) =>
      targets.some(
        (_, t) => work(t).includes(rule) && !reports[t]?.results.some((r) => r.rule === rule.id),
      ),
    )
    .map((rule) => rule.id);
  return {
    ...(stop.stopped ? { interrupted: stop.interrupted, notRun } : {}),
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
