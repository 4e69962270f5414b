import fc from 'fast-check';
import type { Target, ValidationRequest, Verdict } from '../contract/validator.js';
import type { Counterexample, RuleResult } from '../report/model.js';
import type { Rule } from '../spec/rules/types.js';
import { actualOf, caseKey, evaluate, type LabelledCase, type Outcome } from './case.js';
import { examplesFor } from './examples.js';
import type { RunOptions } from './options.js';

/** Cases shared by every target: generation is pure, so it happens once per rule and seed. */
export interface SharedCases {
  readonly arbitrary: fc.Arbitrary<LabelledCase>;
  readonly generated: readonly LabelledCase[];
  readonly examples: readonly LabelledCase[];
}

export function shareCases(rule: Rule, options: RunOptions): SharedCases {
  const arbitrary = options.arbitraryFor(rule.id);
  const replaying = options.path !== undefined;
  return {
    arbitrary,
    // fc.sample with the same seed yields exactly the values fc.check would, run by run.
    generated: replaying ? [] : fc.sample(arbitrary, { seed: options.seed, numRuns: options.runs }),
    examples: options.examples === false ? [] : examplesFor(rule.id),
  };
}

interface Finding {
  readonly outcome: Exclude<Outcome, 'agree'>;
  readonly index: number;
  readonly source: 'example' | 'generated';
  readonly c: LabelledCase;
  readonly verdict: Verdict;
}

function counterexample(c: LabelledCase, verdict: Verdict): Counterexample {
  const errors = verdict.outcome === 'invalid' ? verdict.errors : undefined;
  return {
    kind: c.kind,
    value: c.value,
    expected: c.valid,
    actual: actualOf(verdict),
    violates: c.violates,
    ...(errors !== undefined && errors.length > 0 ? { errors: [...errors] } : {}),
  };
}

function failMessage(c: LabelledCase): string {
  return c.valid
    ? `rejected a valid ${c.kind}`
    : `accepted an invalid ${c.kind} (breaks ${c.violates.join(', ')})`;
}

function verdictMessage(verdict: Verdict): string {
  return verdict.outcome === 'errored' || verdict.outcome === 'skipped' ? verdict.message : '';
}

/** Certifies one target on one rule: examples, then generated cases, then shrinking. */
export async function runRule(
  rule: Rule,
  target: Target,
  shared: SharedCases,
  options: RunOptions,
): Promise<RuleResult> {
  const kinds = rule.kinds.filter((k) => (target.info.kinds as readonly string[]).includes(k));
  const base = {
    rule: rule.id,
    level: rule.level,
    area: rule.area,
    kind: kinds.join(',') || rule.kinds.join(','),
  };
  if (kinds.length === 0) {
    return {
      ...base,
      status: 'skip',
      runs: 0,
      message: `target does not support kind ${rule.kinds.join(', ')}`,
    };
  }
  const supported = (c: LabelledCase): boolean => kinds.includes(c.kind as never);
  const cache = new Map<string, Verdict>();
  const validate = async (c: LabelledCase): Promise<Verdict> => {
    const key = caseKey(c);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const verdict = await target.validate(c.kind as never, c.value);
    cache.set(key, verdict);
    return verdict;
  };

  if (options.path !== undefined) return replay(rule, base, shared, options, supported, validate);

  const examples = shared.examples.filter(supported);
  const generated = shared.generated;
  const sendable = generated.map((c, i) => ({ c, i })).filter(({ c }) => supported(c));
  const verdicts = await target.validateBatch(
    [...examples, ...sendable.map(({ c }) => c)].map(
      (c): ValidationRequest => ({ kind: c.kind as never, value: c.value }),
    ),
  );

  let firstFail: Finding | undefined;
  // The first generated failure too: shrunk, it is often smaller than a failing example.
  let firstGeneratedFail: Finding | undefined;
  let firstError: Finding | undefined;
  let skips = 0;
  const all = [
    ...examples.map((c, i) => ({ c, i, source: 'example' as const })),
    ...sendable.map(({ c, i }) => ({ c, i, source: 'generated' as const })),
  ];
  all.forEach(({ c, i, source }, n) => {
    // No verdict cache here: a key per case per target would cost more than the rare replay.
    const verdict = verdicts[n] as Verdict;
    const outcome = evaluate(c, verdict);
    if (outcome === 'fail') {
      firstFail ??= { outcome, index: i, source, c, verdict };
      if (source === 'generated') firstGeneratedFail ??= { outcome, index: i, source, c, verdict };
    } else if (outcome === 'error') firstError ??= { outcome, index: i, source, c, verdict };
    else if (outcome === 'skip') skips++;
  });
  const runs = sendable.length;
  const counts = { runs, examples: examples.length };
  const position = (f: Finding): number =>
    f.source === 'example'
      ? f.index + 1
      : examples.length + 1 + sendable.findIndex((s) => s.i === f.index);

  if (firstFail !== undefined) {
    const f = firstFail;
    const g = firstGeneratedFail;
    const shrunk =
      g === undefined
        ? undefined
        : await shrink(shared.arbitrary, g.index, options, supported, validate);
    const generated =
      g === undefined
        ? undefined
        : {
            c: shrunk?.c ?? g.c,
            verdict: shrunk?.verdict ?? g.verdict,
            path: shrunk?.path ?? String(g.index),
          };
    // Report the smaller of the failing example and the shrunk generated case.
    const useExample =
      f.source === 'example' &&
      (generated === undefined || size(f.c.value) <= size(generated.c.value));
    const chosen =
      useExample || generated === undefined
        ? { c: f.c, verdict: f.verdict, path: `example:${f.index}` }
        : generated;
    return {
      ...base,
      ...counts,
      status: 'fail',
      message: useExample ? `${failMessage(chosen.c)} (explicit example)` : failMessage(chosen.c),
      counterexample: counterexample(chosen.c, chosen.verdict),
      replay: { seed: options.seed, path: chosen.path },
      casesToFailure: position(f),
    };
  }
  if (firstError !== undefined) {
    const f = firstError;
    return {
      ...base,
      ...counts,
      status: 'error',
      message: `validator errored: ${verdictMessage(f.verdict)}`,
      counterexample: counterexample(f.c, f.verdict),
      replay: {
        seed: options.seed,
        path: f.source === 'example' ? `example:${f.index}` : String(f.index),
      },
    };
  }
  if (skips > 0 && skips === all.length) {
    return {
      ...base,
      ...counts,
      status: 'skip',
      message: `target skipped every case: ${verdictMessage(verdicts[0] as Verdict)}`,
    };
  }
  return { ...base, ...counts, status: 'pass' };
}

type Validate = (c: LabelledCase) => Promise<Verdict>;

function size(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/** Replays the failing run and lets fast-check shrink it to a minimal counterexample. */
async function shrink(
  arbitrary: fc.Arbitrary<LabelledCase>,
  index: number,
  options: RunOptions,
  supported: (c: LabelledCase) => boolean,
  validate: Validate,
): Promise<{ c: LabelledCase; verdict: Verdict; path: string } | undefined> {
  const details = await fc.check(
    fc.asyncProperty(
      arbitrary,
      async (c) => !supported(c) || evaluate(c, await validate(c)) !== 'fail',
    ),
    {
      seed: options.seed,
      path: String(index),
      numRuns: 1,
      interruptAfterTimeLimit: options.shrinkTimeMs ?? 20_000,
      markInterruptAsFailure: false,
    },
  );
  const found = details.counterexample?.[0];
  if (!details.failed || found === undefined || details.counterexamplePath === null)
    return undefined;
  return { c: found, verdict: await validate(found), path: details.counterexamplePath };
}

async function replay(
  rule: Rule,
  base: Pick<RuleResult, 'rule' | 'level' | 'area' | 'kind'>,
  shared: SharedCases,
  options: RunOptions,
  supported: (c: LabelledCase) => boolean,
  validate: Validate,
): Promise<RuleResult> {
  const path = options.path as string;
  const example = /^example:(\d+)$/.exec(path);
  let c: LabelledCase | undefined;
  if (example !== null) {
    c = examplesFor(rule.id)[Number(example[1])];
  } else {
    const details = await fc.check(
      // With a shrink path, fast-check also runs the siblings that follow: keep the first value.
      fc.asyncProperty(shared.arbitrary, async (v) => {
        c ??= v;
        return true;
      }),
      { seed: options.seed, path, numRuns: 1 },
    );
    if (details.numRuns === 0) c = undefined;
  }
  if (c === undefined || !supported(c)) {
    return {
      ...base,
      status: 'skip',
      runs: 0,
      message: `nothing to replay at path ${path} for this target`,
    };
  }
  const verdict = await validate(c);
  const outcome = evaluate(c, verdict);
  const replayRef = { seed: options.seed, path };
  if (outcome === 'agree') return { ...base, status: 'pass', runs: 1, replay: replayRef };
  if (outcome === 'skip')
    return {
      ...base,
      status: 'skip',
      runs: 1,
      message: verdictMessage(verdict),
      replay: replayRef,
    };
  return {
    ...base,
    status: outcome,
    runs: 1,
    replay: replayRef,
    counterexample: counterexample(c, verdict),
    message: outcome === 'fail' ? failMessage(c) : `validator errored: ${verdictMessage(verdict)}`,
  };
}
