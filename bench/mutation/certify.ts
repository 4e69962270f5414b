import { certify } from '../../src/api/certify.js';
import type { Counterexample, RuleResult } from '../../src/report/model.js';
import { DEFAULT_RUNS } from '../../src/runner/options.js';
import { check } from '../../src/spec/oracle.js';
import { VALIDATOR_KINDS, type ValidatorKind } from '../../src/spec/rules/types.js';
import { mutableCheck } from './mutable-oracle.js';
import { MUTANT_PREFIX, mutantTarget, ruleKinds } from './mutant-target.js';
import type { Mutant } from './mutants.js';

/** One failed rule whose counterexample really separates the mutant from the reference. */
export interface Detection {
  readonly rule: string;
  readonly casesToFailure?: number;
  readonly counterexample: Counterexample;
  readonly replay?: { readonly seed: number; readonly path: string };
}

/** What one seed found about one mutant. */
export interface MutantRun {
  readonly seed: number;
  /** Witnessed failures, in catalogue order. */
  readonly detections: readonly Detection[];
  /** Failed rules whose counterexample the mutant and the reference judge alike (a mislabel). */
  readonly falseAlarms: readonly string[];
  /** Rules where the mutant errored (it never should: it is a plain function). */
  readonly errors: readonly string[];
}

export interface CertifyOptions {
  readonly seed: number;
  /** Generated cases per rule (default: the runner's default). */
  readonly runs?: number;
  /**
   * `all`: each mutant validates every kind, as a real validator would (the benchmark).
   * `rule`: only the kinds of the rule that should catch it (faster; the test).
   */
  readonly kinds: 'all' | 'rule';
  /** Run the explicit examples first, as `run` does by default (default true). */
  readonly examples?: boolean;
}

function isValidatorKind(kind: string): kind is ValidatorKind {
  return (VALIDATOR_KINDS as readonly string[]).includes(kind);
}

/**
 * A real witness: the mutant and the reference oracle disagree on the counterexample. A failure
 * whose value the generator mislabelled is not one: there the mutant agrees with the reference.
 */
export function isWitness(mutant: Mutant, cx: Counterexample | undefined): boolean {
  if (cx === undefined || !isValidatorKind(cx.kind)) return false;
  return mutableCheck(cx.kind, cx.value, mutant.bug) !== check(cx.kind, cx.value).valid;
}

function judge(mutant: Mutant, seed: number, results: readonly RuleResult[]): MutantRun {
  const detections: Detection[] = [];
  const falseAlarms: string[] = [];
  const errors: string[] = [];
  for (const r of results) {
    if (r.status === 'error') errors.push(r.rule);
    if (r.status !== 'fail') continue;
    if (r.counterexample !== undefined && isWitness(mutant, r.counterexample)) {
      detections.push({
        rule: r.rule,
        counterexample: r.counterexample,
        ...(r.casesToFailure !== undefined ? { casesToFailure: r.casesToFailure } : {}),
        ...(r.replay !== undefined ? { replay: r.replay } : {}),
      });
    } else {
      falseAlarms.push(r.rule);
    }
  }
  return { seed, detections, falseAlarms, errors };
}

/**
 * Certifies every mutant at once, in process, with one seed: the runner generates the cases of
 * each rule once and feeds them to every mutant, exactly as `run` does with several targets.
 */
export async function certifyMutants(
  mutants: readonly Mutant[],
  options: CertifyOptions,
): Promise<Map<string, MutantRun>> {
  const targets = mutants.map((m) =>
    mutantTarget(m, options.kinds === 'rule' ? ruleKinds(m.rule) : VALIDATOR_KINDS),
  );
  const { report } = await certify(targets, {
    seed: options.seed,
    runs: options.runs ?? DEFAULT_RUNS,
    examples: options.examples ?? true,
  });
  const byId = new Map(mutants.map((m) => [`${MUTANT_PREFIX}${m.id}`, m]));
  const out = new Map<string, MutantRun>();
  for (const t of report.targets) {
    const mutant = byId.get(t.target.id);
    if (mutant !== undefined) out.set(mutant.id, judge(mutant, options.seed, t.results));
  }
  return out;
}

/**
 * The detection that counts for a mutant: by the rule meant to catch it when that rule did,
 * otherwise the earliest one.
 */
export function mainDetection(mutant: Mutant, run: MutantRun): Detection | undefined {
  const own = run.detections.find((d) => d.rule === mutant.rule);
  if (own !== undefined) return own;
  const sorted = [...run.detections].sort(
    (a, b) => (a.casesToFailure ?? Infinity) - (b.casesToFailure ?? Infinity),
  );
  return sorted[0];
}
