import type { Counterexample } from '../../src/report/model.js';
import { RULES } from '../../src/spec/rules/index.js';
import { type MutantRun, mainDetection } from './certify.js';
import type { Mutant } from './mutants.js';

/** Median and maximum of some counts; both undefined when there is none. */
export interface Spread {
  readonly median?: number;
  readonly max?: number;
}

/** Cases until the first witness, per seed (null: none), with their spread. */
export type PerSeed = Spread & { readonly perSeed: readonly (number | null)[] };

/** What every mutant's summary says: whether it was caught, how often, by which rules. */
export interface MutantOutcome<R extends string = string> {
  readonly id: string;
  readonly kind: 'lax' | 'strict';
  readonly rule: R;
  readonly description: string;
  /** Caught, with a real witness, in every seed. */
  readonly caught: boolean;
  readonly seedsCaught: number;
  /** Every rule that caught it in some seed, in catalogue order. */
  readonly caughtBy: readonly R[];
  /** Cases until the first witness, per seed (null: not caught), with examples first. */
  readonly casesToDetection: PerSeed;
}

/** One mutant over every seed (caught: at default settings). */
export interface MutantSummary extends MutantOutcome {
  readonly about?: string;
  /** For decoding mutants: the technique the bug copies. */
  readonly technique?: string;
  /** Seeds in which the rule meant to catch it did. */
  readonly seedsCaughtByRule: number;
  /** The smallest witness found (JSON length) by the rule meant to catch it, else by any. */
  readonly counterexample?: Counterexample;
  /** The same with the explicit examples off: what the generators alone achieve. */
  readonly generatedOnly?: PerSeed;
  /** Failed rules whose counterexample the reference judges as the mutant does. */
  readonly falseAlarms: readonly string[];
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return {};
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, max: sorted[sorted.length - 1] as number };
}

const ORDER = new Map(RULES.map((r, i) => [r.id as string, i]));

function detectionCases(mutant: Mutant, runs: readonly MutantRun[]): (number | null)[] {
  return runs.map((run) => mainDetection(mutant, run)?.casesToFailure ?? null);
}

function withSpread(perSeed: (number | null)[]): Spread & { perSeed: (number | null)[] } {
  return { ...spread(perSeed.filter((n): n is number => n !== null)), perSeed };
}

export function summarizeMutant(
  mutant: Mutant,
  runs: readonly MutantRun[],
  generatedRuns?: readonly MutantRun[],
): MutantSummary {
  const caughtSeeds = runs.filter((r) => r.detections.length > 0).length;
  const byRule = runs.filter((r) => r.detections.some((d) => d.rule === mutant.rule)).length;
  const rules = new Set(runs.flatMap((r) => r.detections.map((d) => d.rule)));
  const alarms = new Set(runs.flatMap((r) => r.falseAlarms));
  const witnesses = runs.flatMap((r) => {
    const d = mainDetection(mutant, r);
    return d === undefined ? [] : [d];
  });
  const smallest = witnesses
    .map((d) => ({ d, size: JSON.stringify(d.counterexample.value)?.length ?? 0 }))
    .sort(
      (a, b) =>
        Number(b.d.rule === mutant.rule) - Number(a.d.rule === mutant.rule) || a.size - b.size,
    )[0];
  const byOrder = (a: string, b: string): number => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0);
  return {
    id: mutant.id,
    kind: mutant.kind,
    rule: mutant.rule,
    ...(mutant.about !== undefined ? { about: mutant.about } : {}),
    ...(mutant.technique !== undefined ? { technique: mutant.technique } : {}),
    description: mutant.description,
    caught: runs.length > 0 && caughtSeeds === runs.length,
    seedsCaught: caughtSeeds,
    seedsCaughtByRule: byRule,
    caughtBy: [...rules].sort(byOrder),
    ...(smallest !== undefined ? { counterexample: smallest.d.counterexample } : {}),
    casesToDetection: withSpread(detectionCases(mutant, runs)),
    ...(generatedRuns !== undefined
      ? { generatedOnly: withSpread(detectionCases(mutant, generatedRuns)) }
      : {}),
    falseAlarms: [...alarms].sort(byOrder),
  };
}
