import fc from 'fast-check';
import { caseArbitrary } from '../../generators/index.js';
import { examplesFor } from '../corpus/examples.js';
import { validatorRules } from '../runner/run.js';
import { type RuleId, VALIDATOR_KINDS, type ValidatorKind } from '../spec/rules/index.js';
import { TOOL_NAME, toolVersion } from '../util/version.js';
import type { VectorCounts, VectorEntry } from './format.js';
import type { VectorSetting, VectorSource } from './manifest.js';
import { writeVectorFiles } from './write.js';

/** What to generate: the seed, the cases per rule, and optionally which rules. */
export interface ExportVectorsOptions {
  /** fast-check seed: the same seed and count give the same files. */
  readonly seed: number;
  /** Generated cases per rule (before duplicates are merged). */
  readonly count: number;
  /** Only these rule IDs (default: every rule a validator can be tested on). */
  readonly ruleIds?: readonly RuleId[];
}

/** Generated cases per rule when no count is given. */
export const DEFAULT_VECTOR_COUNT = 20;

const isValidatorKind = (kind: string): kind is ValidatorKind =>
  (VALIDATOR_KINDS as readonly string[]).includes(kind);

interface SourceCase {
  readonly kind: string;
  readonly value: unknown;
  readonly valid: boolean;
  readonly violates: readonly string[];
  readonly cause?: string;
}

function entryOf(c: SourceCase, note: string): VectorEntry[] {
  if (!isValidatorKind(c.kind)) return [];
  const cause = c.cause === undefined ? [] : [`likely cause: ${c.cause}`];
  const { kind, value, valid } = c;
  return [{ kind, value, valid, violates: [...c.violates], notes: [note, ...cause] }];
}

/**
 * Each selected rule's explicit examples (interop vectors, edge cases, decoding techniques,
 * real-world counterexamples), then samples of its generator: valid values for accept rules,
 * values labelled with the rules they break for reject rules. Each value notes the rule it is for.
 */
export function generateVectors(options: ExportVectorsOptions): VectorEntry[] {
  return validatorRules(options.ruleIds).flatMap((rule) => {
    const cases = fc.sample(caseArbitrary(rule.id as RuleId), {
      seed: options.seed,
      numRuns: options.count,
    });
    return [
      ...examplesFor(rule.id).flatMap((c) => entryOf(c, `example for ${rule.id}`)),
      ...cases.flatMap((c) => entryOf(c, `generated for ${rule.id}`)),
    ];
  });
}

/** What made the files and how to make them again: the text files' header and the manifest. */
export function vectorSource(options: ExportVectorsOptions): VectorSource {
  const rules = options.ruleIds === undefined ? '' : ` --rules ${options.ruleIds.join(',')}`;
  const regenerate = `npx atproto-conformance export-vectors --out DIR --seed ${options.seed} --count ${options.count}${rules}`;
  const settings: Record<string, VectorSetting> = {
    seed: options.seed,
    count: options.count,
    ...(options.ruleIds === undefined ? {} : { rules: [...options.ruleIds] }),
    regenerate,
  };
  return {
    header: [
      `${TOOL_NAME} ${toolVersion()}: generated conformance vectors.`,
      `seed ${options.seed}, ${options.count} generated cases per rule (duplicates merged).`,
      `Regenerate: ${regenerate}`,
    ],
    settings,
  };
}

/**
 * Generates and writes the vector files and their manifest into `dir`; returns how many values
 * each file got.
 */
export async function exportVectors(
  dir: string,
  options: ExportVectorsOptions,
): Promise<VectorCounts> {
  return writeVectorFiles(dir, generateVectors(options), vectorSource(options));
}
