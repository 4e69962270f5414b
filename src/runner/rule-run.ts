import type { Target, ValidationRequest, Verdict } from '../contract/validator.js';
import type { RuleResult } from '../report/model.js';
import type { Kind, Rule, RuleId } from '../spec/rules/index.js';
import { evaluate, type LabelledCase, type Outcome } from './case.js';
import type { RunOptions } from './options.js';
import { caseAtPath, replay } from './replay.js';
import { compactPath, examplePath } from './replay-path.js';
import { errorMessage, failMessage, type ResultBase, toCounterexample } from './result.js';
import type { SharedCases } from './shared-cases.js';
import { shrink } from './shrink.js';
import { type TargetValidate, targetValidate } from './validate.js';

export { type SharedCases, shareCases } from './shared-cases.js';

/*
 * One target on one rule, in named steps: the kinds it supports, the cases it is sent
 * (examples first, then generated), a scan of its verdicts for the first failure and the first
 * error, and the result — a finding shrunk to its smallest case, or a pass or skip.
 */

type SentCase = LabelledCase & { readonly kind: ValidationRequest['kind'] };

/** A case as sent: where it came from, its index there (for the replay path), its position. */
interface Planned {
  readonly c: SentCase;
  readonly source: 'example' | 'generated';
  readonly index: number;
}

interface Finding extends Planned {
  readonly verdict: Verdict;
  /** 0-based position among the cases sent. */
  readonly position: number;
}

type Found = Exclude<Outcome, 'agree' | 'skip'>;

interface Scan {
  /** The first finding of each outcome, and the first among generated cases (to shrink). */
  readonly first: Partial<Record<Found, Finding>>;
  readonly firstGenerated: Partial<Record<Found, Finding>>;
  readonly skips: number;
  readonly total: number;
  readonly firstVerdict?: Verdict;
}

function supportedKinds(rule: Rule<RuleId>, target: Target): ValidationRequest['kind'][] {
  return target.info.kinds.filter((k) => rule.kinds.includes(k));
}

function resultBase(rule: Rule<RuleId>, kinds: readonly Kind[]): ResultBase {
  return {
    rule: rule.id,
    level: rule.level,
    area: rule.area,
    kinds: kinds.length > 0 ? [...kinds] : rule.kinds,
  };
}

/** The cases this target is sent: the examples, then the generated cases, of its kinds. */
function plan(shared: SharedCases, validate: TargetValidate): Planned[] {
  const planned: Planned[] = [];
  for (const [index, c] of shared.examples.entries()) {
    if (validate.supports(c)) planned.push({ c, source: 'example', index });
  }
  for (const [index, c] of shared.generated.entries()) {
    if (validate.supports(c)) planned.push({ c, source: 'generated', index });
  }
  return planned;
}

function scan(planned: readonly Planned[], verdicts: readonly Verdict[]): Scan {
  const first: Partial<Record<Found, Finding>> = {};
  const firstGenerated: Partial<Record<Found, Finding>> = {};
  let skips = 0;
  for (const [position, p] of planned.entries()) {
    const verdict = verdicts[position] as Verdict;
    const outcome = evaluate(p.c, verdict);
    if (outcome === 'skip') skips++;
    if (outcome !== 'fail' && outcome !== 'error') continue;
    const finding = { ...p, verdict, position };
    first[outcome] ??= finding;
    if (p.source === 'generated') firstGenerated[outcome] ??= finding;
  }
  return {
    first,
    firstGenerated,
    skips,
    total: planned.length,
    ...(verdicts[0] === undefined ? {} : { firstVerdict: verdicts[0] }),
  };
}

/** The runner's own messages for a target that did not answer (timeouts, crashes, budget). */
const STALLED = /\(timeout\)|stopped before answering|restart budget|target (was|is) closed/;

function stalled(verdict: Verdict): boolean {
  return verdict.outcome === 'errored' && STALLED.test(verdict.message);
}

function size(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/**
 * A failure or an error as reported: the first generated one shrunk, or the first example when
 * that is smaller (a shrunk generated case is often smaller than a failing example).
 */
async function reportFinding(
  outcome: Found,
  scanned: Scan,
  shared: SharedCases,
  options: RunOptions,
  validate: TargetValidate,
): Promise<{ c: LabelledCase; verdict: Verdict; path: string; example: boolean }> {
  const f = scanned.first[outcome] as Finding;
  const g = scanned.firstGenerated[outcome];
  // A target that hung or stopped is not shrunk: each try would cost a timeout and a restart,
  // and once the restart budget is spent every value "errors" for that reason alone.
  const shrunk =
    g === undefined || stalled(g.verdict)
      ? undefined
      : await shrink(shared.arbitrary, g.index, outcome, options, validate);
  const generated =
    g === undefined
      ? undefined
      : {
          c: shrunk?.c ?? g.c,
          verdict: shrunk?.verdict ?? g.verdict,
          path: shrunk?.path ?? compactPath(String(g.index)),
          example: false,
        };
  const useExample =
    f.source === 'example' &&
    (generated === undefined || size(f.c.value) <= size(generated.c.value));
  if (useExample || generated === undefined) {
    return { c: f.c, verdict: f.verdict, path: examplePath(f.index), example: true };
  }
  return generated;
}

async function judge(
  rule: Rule<RuleId>,
  base: ResultBase,
  scanned: Scan,
  shared: SharedCases,
  options: RunOptions,
  validate: TargetValidate,
): Promise<RuleResult> {
  const sentExamples = shared.examples.filter((c) => validate.supports(c)).length;
  const counts = { runs: scanned.total - sentExamples, examples: sentExamples };
  const outcome: Found | undefined =
    scanned.first.fail !== undefined
      ? 'fail'
      : scanned.first.error !== undefined
        ? 'error'
        : undefined;
  if (outcome !== undefined) {
    const chosen = await reportFinding(outcome, scanned, shared, options, validate);
    const what = outcome === 'fail' ? failMessage(chosen.c) : errorMessage(chosen.verdict);
    const first = scanned.first[outcome] as Finding;
    return {
      ...base,
      ...counts,
      status: outcome,
      message: chosen.example ? `${what} (explicit example)` : what,
      counterexample: toCounterexample(rule, chosen.c, chosen.verdict),
      replay: { seed: options.seed, path: chosen.path },
      ...(outcome === 'fail' ? { casesToFailure: first.position + 1 } : {}),
    };
  }
  if (scanned.skips > 0 && scanned.skips === scanned.total) {
    const v = scanned.firstVerdict;
    const why = v?.outcome === 'skipped' || v?.outcome === 'errored' ? v.message : '';
    return { ...base, ...counts, status: 'skip', message: `target skipped every case: ${why}` };
  }
  return { ...base, ...counts, status: 'pass' };
}

/** Certifies one target on one rule: examples, then generated cases, then shrinking. */
export async function runRule(
  rule: Rule<RuleId>,
  target: Target,
  shared: SharedCases,
  options: RunOptions,
): Promise<RuleResult> {
  const kinds = supportedKinds(rule, target);
  const base = resultBase(rule, kinds);
  if (kinds.length === 0) {
    const message = `target does not support kind ${rule.kinds.join(', ')}`;
    return { ...base, status: 'skip', runs: 0, message };
  }
  const validate = targetValidate(target, kinds);
  if (options.path !== undefined) {
    const c = await caseAtPath(rule, shared, options, options.path);
    return replay(rule, base, c, options.path, options, validate);
  }
  const planned = plan(shared, validate);
  const verdicts = await target.validateBatch(
    planned.map(({ c }): ValidationRequest => ({ kind: c.kind, value: c.value })),
  );
  return judge(rule, base, scan(planned, verdicts), shared, options, validate);
}
