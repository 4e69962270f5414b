/**
 * atproto-session-conformance: certify validators of the AT Protocol session object
 * (createSession / refreshSession / getSession output) against a catalogue of spec rules.
 *
 * - {@link runConformance}: run validators through every rule and get the report model back;
 * - the rule catalogue (`RULES`, `getRule`) and the reference oracle (`check`, `isValidHandle`, ...);
 * - report writers (`writeReports`), targets (`createTarget`), zod schemas, vector export.
 *
 * Generators live in `atproto-session-conformance/generators`, the jest integration in
 * `atproto-session-conformance/jest`.
 *
 * @packageDocumentation
 */
import { readFile } from 'node:fs/promises';
import { caseArbitrary } from '../generators/index.js';
import {
  DEFAULT_TIMEOUT_MS,
  type Target,
  TargetStartError,
  type Validator,
} from './contract/validator.js';
import { applyBaseline, type Baseline, parseBaseline } from './report/baseline.js';
import type { Report } from './report/model.js';
import { DEFAULT_RUNS, type ProgressEvent } from './runner/options.js';
import { runConformance as runTargets } from './runner/run.js';
import { selectValidatorRules } from './runner/select.js';
import type { RuleId } from './spec/rules/index.js';
import { fromValidator } from './targets/from-validator.js';
import { createTarget } from './targets/index.js';
import { shapeProblem } from './targets/module.js';

/* Targets: the validators under test. */
export { BUILTIN_ADAPTERS, type BuiltinAdapter } from './adapters/index.js';
export {
  DEFAULT_TIMEOUT_MS,
  type Target,
  type TargetInfo,
  TargetStartError,
  type ValidateResult,
  type ValidationRequest,
  type Validator,
  type Verdict,
} from './contract/validator.js';
/* Known-failure baselines. */
export {
  applyBaseline,
  type Baseline,
  type BaselineComparison,
  type BaselineEntry,
  BaselineError,
  baselineFrom,
  parseBaseline,
} from './report/baseline.js';
/* The report model and its writers. */
export {
  type Counterexample,
  type Exchange,
  isConformant,
  type Report,
  type RuleInfo,
  type RuleResult,
  type Status,
  type Summary,
  type TargetReport,
} from './report/model.js';
export { replayCommand } from './report/replay.js';
export {
  FILE_NAMES,
  FORMATS,
  type Format,
  FormatError,
  parseFormats,
  type WriteOptions,
  writeReports,
} from './report/write.js';
export { DEFAULT_RUNS, type ProgressEvent } from './runner/options.js';
/* zod schemas of the session object and its identifiers. */
export {
  type Did,
  type DidDoc,
  didDocSchema,
  didSchema,
  type GetSession,
  getSessionSchema,
  type Handle,
  handleSchema,
  type Session,
  sessionSchema,
} from './schemas/zod.js';
/* The reference oracle: depends on no validator library. */
export { coherenceViolations, INACTIVE_STATUSES } from './spec/coherence.js';
export {
  type DidString,
  didPolicyViolations,
  didViolations,
  ensureValidDid,
  InvalidDidError,
  isValidDid,
  MAX_DID_LENGTH,
} from './spec/did.js';
export {
  DISALLOWED_TLDS,
  ensureValidHandle,
  type HandleString,
  handleViolations,
  INVALID_HANDLE,
  InvalidHandleError,
  isValidHandle,
  MAX_HANDLE_LENGTH,
  MAX_LABEL_LENGTH,
  normalizeHandle,
} from './spec/handle.js';
export { check, type OracleVerdict } from './spec/oracle.js';
/* The rule catalogue. */
export {
  type Area,
  type CoherenceRuleId,
  type DidPolicyRuleId,
  type DidRuleId,
  getRule,
  type HandleRuleId,
  type HttpRuleId,
  isRuleId,
  type Kind,
  type Level,
  type Polarity,
  RULES,
  type Rule,
  type RuleId,
  rulesForKind,
  type SessionRuleId,
  type Source,
  VALIDATOR_KINDS,
  type ValidatorKind,
} from './spec/rules/index.js';
export {
  declaredFields,
  ensureValidSession,
  InvalidSessionError,
  isValidSession,
  requiredFields,
  type SessionKind,
  sessionViolations,
} from './spec/session.js';
export { fromValidator } from './targets/from-validator.js';
export { type CmdTargetOptions, createTarget } from './targets/index.js';

/* Test vectors for validators in other languages. */
export {
  DEFAULT_VECTOR_COUNT,
  type ExportVectorsOptions,
  exportCounterexamples,
  exportVectors,
  VECTOR_FILES,
  type VectorCounts,
  type VectorFileName,
} from './vectors/index.js';

/**
 * What {@link runConformance} can certify: a target spec (a built-in id such as `zod`,
 * `module:<path>` or `cmd:<command line>`), a {@link Validator} object, or a started
 * {@link Target} (which the caller keeps and closes).
 */
export type TargetInput = string | Validator | Target;

/** Options of {@link runConformance}. Every field is optional. */
export interface ConformanceOptions {
  /** fast-check seed; the report records it, and the same seed gives the same cases. Default: random. */
  readonly seed?: number;
  /** Generated cases per rule. Default {@link DEFAULT_RUNS}. */
  readonly runs?: number;
  /** Rule ID globs (`handle.*`, `did.length.max`); `*` matches any run of characters. Default: every validator rule. */
  readonly rules?: string | readonly string[];
  /** Per-request timeout for `cmd:` targets and async validators. Default {@link DEFAULT_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /**
   * Known failures: a baseline object or the path of a baseline JSON file. Results it lists are
   * marked `known-failure` (still failing) or `fixed` (now passing) in the report.
   */
  readonly baseline?: Baseline | string;
  /** Run the explicit examples (interop vectors, edge cases) before the generated cases. Default true. */
  readonly examples?: boolean;
  /** Upper bound on the time spent shrinking one counterexample. */
  readonly shrinkTimeMs?: number;
  /** Called before each rule of each target. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** A seed in fast-check's range, when the caller gives none. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}

/**
 * The validator rule IDs matching any of the globs, in catalogue order; every validator rule
 * when `rules` is undefined. Throws a RangeError when a glob matches nothing.
 */
export function selectRules(rules?: string | readonly string[]): RuleId[] {
  return selectValidatorRules(rules) as RuleId[];
}

function isTarget(input: Validator | Target): input is Target {
  return 'info' in input && typeof (input as Target).validateBatch === 'function';
}

/**
 * Starts a {@link TargetInput}. `owned` is true when this call started it (a spec or a
 * {@link Validator}): the caller then closes `target` when done. A started {@link Target} comes
 * back as it is, with `owned: false`. Throws {@link TargetStartError} when it cannot start.
 */
export async function startTarget(
  input: TargetInput,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
): Promise<{ target: Target; owned: boolean }> {
  if (typeof input === 'string') {
    return { target: await createTarget(input, { timeoutMs }), owned: true };
  }
  if (isTarget(input)) return { target: input, owned: false };
  const problem = shapeProblem(input);
  if (problem !== undefined) throw new TargetStartError(`not a validator: ${problem}`);
  return { target: fromValidator(input, { id: input.name }, { timeoutMs }), owned: true };
}

async function loadBaseline(baseline: Baseline | string): Promise<Baseline> {
  if (typeof baseline !== 'string') return parseBaseline(JSON.stringify(baseline), 'baseline');
  return parseBaseline(await readFile(baseline, 'utf8'), baseline);
}

/**
 * Certifies validators against the rule catalogue and returns the report model (write it with
 * {@link writeReports}). Targets given as specs or {@link Validator} objects are started here and
 * closed before this returns, even when the run throws; started {@link Target}s are left open.
 * A target that cannot start throws {@link TargetStartError}.
 *
 * @example
 * ```ts
 * const report = await runConformance([myValidator, 'zod'], { seed: 42, rules: 'handle.*' });
 * if (!report.targets.every((t) => t.conformant)) process.exitCode = 1;
 * ```
 */
export async function runConformance(
  targets: TargetInput | readonly TargetInput[],
  options: ConformanceOptions = {},
): Promise<Report> {
  const inputs: readonly TargetInput[] = Array.isArray(targets)
    ? targets
    : [targets as TargetInput];
  const ruleIds = selectRules(options.rules);
  const baseline =
    options.baseline === undefined ? undefined : await loadBaseline(options.baseline);
  const started: { target: Target; owned: boolean }[] = [];
  try {
    for (const input of inputs) started.push(await startTarget(input, options.timeoutMs));
    const report = await runTargets(
      started.map((s) => s.target),
      {
        seed: options.seed ?? randomSeed(),
        runs: options.runs ?? DEFAULT_RUNS,
        ruleIds,
        arbitraryFor: (id) => caseArbitrary(id as RuleId),
        ...(options.examples === undefined ? {} : { examples: options.examples }),
        ...(options.shrinkTimeMs === undefined ? {} : { shrinkTimeMs: options.shrinkTimeMs }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      },
    );
    return baseline === undefined ? report : applyBaseline(report, baseline).report;
  } finally {
    await Promise.all(started.filter((s) => s.owned).map((s) => s.target.close()));
  }
}
