import fc from 'fast-check';
import { caseArbitrary, did, session } from '../../generators/index.js';
import { DEFAULT_RUNS } from '../../src/runner/options.js';
import { coherenceViolations } from '../../src/spec/coherence.js';
import { didPolicyViolations } from '../../src/spec/did.js';
import { getRule, RULES } from '../../src/spec/rules/index.js';
import { type LiveBug, type LiveRuleId, liveCoherence, livePolicy } from './live-checks.js';
import type { LiveMutant } from './live-mutants.js';
import { type MutantOutcome, spread } from './summary.js';

/*
 * How a live-check mutant is caught. The live rules have no validator target: live mode calls
 * the checks itself on what a server returns. So each mutant is compared with the reference
 * check directly, on the generators' values:
 * - lax: on the cases of its rule (`caseArbitrary(rule)`), a witness is a value on which the
 *   reference reports a rule the mutant does not;
 * - strict: on coherent sessions (`session({kind: 'session', coherent: true})`) for coherence
 *   rules, on valid DIDs (`did()`) for policy rules, a witness is a value on which the mutant
 *   reports a rule the reference does not.
 * Every value is a real witness by construction: the two checks disagree on it.
 */

export type LiveArea = 'coherence' | 'did-policy';

export function liveArea(rule: LiveRuleId): LiveArea {
  return getRule(rule).area === 'coherence' ? 'coherence' : 'did-policy';
}

/** What a live check reports on a value: a session (coherence) or a DID string (policy). */
export function liveViolations(area: LiveArea, value: unknown, bug?: LiveBug): LiveRuleId[] {
  if (area === 'coherence') return liveCoherence(value, bug);
  return typeof value === 'string' ? livePolicy(value, bug) : [];
}

/** The reference checks of src/spec, as live mode calls them. */
export function referenceViolations(area: LiveArea, value: unknown): LiveRuleId[] {
  if (area === 'coherence') return coherenceViolations(value);
  return typeof value === 'string' ? didPolicyViolations(value) : [];
}

/**
 * The rules on which the mutant and the reference disagree in the mutant's direction: reported
 * by the reference and missed (lax), or reported by the mutant alone (strict). Empty: no witness.
 */
export function disagreement(mutant: LiveMutant, value: unknown): LiveRuleId[] {
  const area = liveArea(mutant.rule);
  const real = referenceViolations(area, value);
  const got = liveViolations(area, value, mutant.bug);
  return mutant.kind === 'lax'
    ? real.filter((r) => !got.includes(r))
    : got.filter((r) => !real.includes(r));
}

/** The values a mutant is certified on; mutants with the same key share one sample. */
export function liveStream(mutant: LiveMutant): { key: string; arb: fc.Arbitrary<unknown> } {
  if (mutant.kind === 'lax') {
    return { key: mutant.rule, arb: caseArbitrary(mutant.rule).map((c) => c.value) };
  }
  return liveArea(mutant.rule) === 'coherence'
    ? { key: 'coherent-session', arb: session({ kind: 'session', coherent: true }) }
    : { key: 'valid-did', arb: did() };
}

/** What one seed found about one live mutant. */
export interface LiveMutantRun {
  readonly seed: number;
  /** Cases sampled until the first witness (1-based); absent when none. */
  readonly casesToFailure?: number;
  /** The rules the two disagree on at that witness. */
  readonly rules: readonly LiveRuleId[];
  /** The witness shrunk by fast-check (when shrinking was asked for). */
  readonly witness?: unknown;
}

export interface LiveCertifyOptions {
  readonly seed: number;
  /** Cases sampled per stream (default: the runner's default runs). */
  readonly runs?: number;
  /** Shrink the first witness to a minimal one with fc.check (default true). */
  readonly shrink?: boolean;
}

function shrunkWitness(
  mutant: LiveMutant,
  arb: fc.Arbitrary<unknown>,
  seed: number,
  runs: number,
): unknown {
  const details = fc.check(
    fc.property(arb, (v) => disagreement(mutant, v).length === 0),
    { seed, numRuns: runs },
  );
  return details.failed ? details.counterexample?.[0] : undefined;
}

/**
 * Certifies live mutants with one seed: each stream is sampled once (fc.sample, the same seed
 * and count as a run) and every mutant on it is judged case by case.
 */
export function certifyLive(
  mutants: readonly LiveMutant[],
  options: LiveCertifyOptions,
): Map<string, LiveMutantRun> {
  const { seed, runs = DEFAULT_RUNS, shrink = true } = options;
  const samples = new Map<string, readonly unknown[]>();
  const out = new Map<string, LiveMutantRun>();
  for (const mutant of mutants) {
    const { key, arb } = liveStream(mutant);
    let values = samples.get(key);
    if (values === undefined) {
      values = fc.sample(arb, { seed, numRuns: runs });
      samples.set(key, values);
    }
    let run: LiveMutantRun = { seed, rules: [] };
    for (const [i, value] of values.entries()) {
      const rules = disagreement(mutant, value);
      if (rules.length === 0) continue;
      run = { seed, casesToFailure: i + 1, rules };
      if (shrink) run = { ...run, witness: shrunkWitness(mutant, arb, seed, runs) };
      break;
    }
    out.set(mutant.id, run);
  }
  return out;
}

/** One live mutant over every seed (caughtBy: the rules the two disagreed on at a first witness). */
export interface LiveMutantSummary extends MutantOutcome<LiveRuleId> {
  /** The smallest shrunk witness (JSON length) over the seeds. */
  readonly witness?: unknown;
}

const ORDER = new Map(RULES.map((r, i) => [r.id as string, i]));

export function summarizeLive(
  mutant: LiveMutant,
  runs: readonly LiveMutantRun[],
): LiveMutantSummary {
  const perSeed = runs.map((r) => r.casesToFailure ?? null);
  const seedsCaught = perSeed.filter((n) => n !== null).length;
  const rules = [...new Set(runs.flatMap((r) => r.rules))].sort(
    (a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0),
  );
  const witnesses = runs.flatMap((r) => (r.witness === undefined ? [] : [r.witness]));
  const size = (v: unknown): number => JSON.stringify(v)?.length ?? 0;
  const smallest = witnesses.sort((a, b) => size(a) - size(b))[0];
  return {
    id: mutant.id,
    kind: mutant.kind,
    rule: mutant.rule,
    description: mutant.description,
    caught: runs.length > 0 && seedsCaught === runs.length,
    seedsCaught,
    caughtBy: rules,
    ...(smallest !== undefined ? { witness: smallest } : {}),
    casesToDetection: { ...spread(perSeed.filter((n): n is number => n !== null)), perSeed },
  };
}
