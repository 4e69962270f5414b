import fc from 'fast-check';
import { caseArbitrary } from '../../generators/index.js';
import type { Target, ValidationRequest } from '../../src/contract/validator.js';
import { validatorRules } from '../../src/runner/run.js';
import type { RuleId, ValidatorKind } from '../../src/spec/index.js';
import { createTarget } from '../../src/targets/index.js';
import { resourcePath } from '../../src/util/paths.js';
import { measure } from './timing.js';

/*
 * Harness protocol throughput for a validator that answers "valid" to everything: the cost of
 * getting values to a validator and verdicts back. In-process module target, then `cmd:` targets
 * (Node and Python trivial harnesses): protocol v1 pipelined and in lockstep (one request in
 * flight), and protocol v2 batched (`validateBatch` lines, pipelined).
 */

export interface ThroughputRow {
  readonly harness: 'module' | 'node' | 'python';
  readonly mode: 'in-process' | 'pipelined' | 'lockstep' | 'batched';
  readonly validations: number;
  readonly wallMs: number;
  readonly perSecond: number;
  /** Time from spawn to the start reply, for `cmd:` targets. */
  readonly startMs?: number;
}

export interface ThroughputResult {
  readonly rows: readonly ThroughputRow[];
  /** Pipelined `cmd:` throughput over in-process, per harness language. */
  readonly pipelinedOverInProcess: Readonly<Record<string, number>>;
  /** Pipelined over lockstep, per harness language. */
  readonly pipelinedOverLockstep: Readonly<Record<string, number>>;
  /** Batched (v2) over lockstep (v1), per harness language. */
  readonly batchedOverLockstep: Readonly<Record<string, number>>;
}

/** A mix of generated values of every kind, as a run sends them. */
export function requestMix(seed: number, perRule: number): ValidationRequest[] {
  return validatorRules().flatMap((r) =>
    fc
      .sample(caseArbitrary(r.id as RuleId), { seed, numRuns: perRule })
      .filter((c) => c.kind !== 'live')
      .map((c) => ({ kind: c.kind as ValidatorKind, value: c.value })),
  );
}

const BEST_OF = 3;
const MIN_MS = 300;

interface Run {
  readonly start: () => Promise<Target>;
  readonly requests: readonly ValidationRequest[];
  readonly label: Pick<ThroughputRow, 'harness' | 'mode'>;
}

/**
 * Times several targets round after round, one batch each per round, so a change in load hits
 * them alike; each keeps its best batch (at least BEST_OF rounds, and at least MIN_MS each): on
 * a shared machine the best rate is the one least disturbed by other work.
 */
async function timeTogether(runs: readonly Run[]): Promise<ThroughputRow[]> {
  const timed: { run: Run; target: Target; startMs: number; best: number; total: number }[] = [];
  try {
    for (const run of runs) {
      const started = await measure(run.start);
      timed.push({
        run,
        target: started.result,
        startMs: started.wallMs,
        best: Infinity,
        total: 0,
      });
      // One small batch first: the process is warm and the JIT has seen the code.
      await started.result.validateBatch(run.requests.slice(0, 200));
    }
    for (let i = 0; i < BEST_OF || timed.some((t) => t.total < MIN_MS); i++) {
      for (const t of timed) {
        const { wallMs, result } = await measure(() => t.target.validateBatch(t.run.requests));
        const bad = result.filter((v) => v.outcome !== 'valid').length;
        if (bad > 0) {
          const { harness, mode } = t.run.label;
          throw new Error(`${harness} ${mode}: ${bad} answers were not "valid"`);
        }
        t.best = Math.min(t.best, wallMs);
        t.total += wallMs;
      }
    }
    return timed.map(({ run, startMs, best }) => ({
      ...run.label,
      validations: run.requests.length,
      wallMs: best,
      perSecond: run.requests.length / (best / 1000),
      ...(run.label.mode === 'in-process' ? {} : { startMs }),
    }));
  } finally {
    await Promise.all(timed.map((t) => t.target.close()));
  }
}

export async function harnessThroughput(seed: number): Promise<ThroughputResult> {
  const many = requestMix(seed, 200);
  const few = many.filter((_, i) => i % 4 === 0);
  const harness = (name: string): string => resourcePath('bench', 'harnesses', name);
  const timeoutMs = 10_000;
  const node = `cmd:'${process.execPath}' '${harness('trivial.mjs')}'`;
  const python = `cmd:python3 '${harness('trivial.py')}'`;
  const rows: ThroughputRow[] = [];
  rows.push(
    ...(await timeTogether([
      {
        start: () => createTarget(`module:${harness('trivial-module.mjs')}`, { timeoutMs }),
        requests: many,
        label: { harness: 'module', mode: 'in-process' },
      },
    ])),
  );
  for (const [name, spec] of [
    ['node', node],
    ['python', python],
  ] as const) {
    // The same program in each mode: the runner offers v1 only, or v2, which it then speaks.
    const modes = [
      ['pipelined', many, { protocolVersion: 1 }],
      ['lockstep', few, { protocolVersion: 1, pipeline: false }],
      ['batched', many, { protocolVersion: 2 }],
    ] as const;
    rows.push(
      ...(await timeTogether(
        modes.map(([mode, requests, options]) => ({
          start: () => createTarget(spec, { timeoutMs, ...options }),
          requests,
          label: { harness: name, mode },
        })),
      )),
    );
  }
  const rate = (harnessName: string, mode: string): number =>
    rows.find((r) => r.harness === harnessName && r.mode === mode)?.perSecond ?? Number.NaN;
  const inProcess = rate('module', 'in-process');
  return {
    rows,
    pipelinedOverInProcess: {
      node: rate('node', 'pipelined') / inProcess,
      python: rate('python', 'pipelined') / inProcess,
    },
    pipelinedOverLockstep: {
      node: rate('node', 'pipelined') / rate('node', 'lockstep'),
      python: rate('python', 'pipelined') / rate('python', 'lockstep'),
    },
    batchedOverLockstep: {
      node: rate('node', 'batched') / rate('node', 'lockstep'),
      python: rate('python', 'batched') / rate('python', 'lockstep'),
    },
  };
}
