import { certify as certifyTargets } from '../../src/api/certify.js';
import type { Target } from '../../src/contract/validator.js';
import { createTarget } from '../../src/targets/index.js';
import { resourcePath } from '../../src/util/paths.js';
import { measure } from './timing.js';

/*
 * What a user waits for: certifying a real validator end to end (generation, validation,
 * comparison) in-process, and through `cmd:` with the shipped example harnesses: protocol v1
 * pipelined and in lockstep, and protocol v2 batched. Same seed, rules and runs for every row,
 * so the ratios compare like with like.
 */

export interface EndToEndRow {
  readonly target: string;
  readonly mode: 'in-process' | 'pipelined' | 'lockstep' | 'batched';
  readonly validations: number;
  readonly wallMs: number;
  readonly perSecond: number;
  readonly conformant: boolean;
}

export interface EndToEndResult {
  readonly runs: number;
  readonly rows: readonly EndToEndRow[];
  /** Pipelined certification speed over in-process, per example harness. */
  readonly pipelinedOverInProcess: Readonly<Record<string, number>>;
  readonly pipelinedOverLockstep: Readonly<Record<string, number>>;
  /** Batched (v2) certification speed over lockstep (v1), and over in-process. */
  readonly batchedOverLockstep: Readonly<Record<string, number>>;
  readonly batchedOverInProcess: Readonly<Record<string, number>>;
}

async function certify(
  start: () => Promise<Target>,
  seed: number,
  runs: number,
  label: Pick<EndToEndRow, 'target' | 'mode'>,
): Promise<EndToEndRow> {
  const target = await start();
  try {
    const { wallMs, result } = await measure(
      async () => (await certifyTargets([target], { seed, runs, examples: false })).report,
    );
    const t = result.targets[0];
    const validations = t?.results.reduce((n, r) => n + r.runs, 0) ?? 0;
    return {
      ...label,
      validations,
      wallMs,
      perSecond: validations / (wallMs / 1000),
      conformant: t?.conformant ?? false,
    };
  } finally {
    await target.close();
  }
}

export async function endToEnd(seed: number, runs = 200): Promise<EndToEndResult> {
  const timeoutMs = 10_000;
  const example = (...p: string[]): string => resourcePath('examples', 'harnesses', ...p);
  const harnesses = {
    node: `cmd:'${process.execPath}' '${example('node', 'harness.mjs')}'`,
    python: `cmd:python3 '${example('python', 'harness.py')}'`,
  };
  // A first, unmeasured run warms up the generators' code, so no row pays for the JIT.
  await certify(() => createTarget('reference', { timeoutMs }), seed + 1, runs, {
    target: 'warm-up',
    mode: 'in-process',
  });
  const rows: EndToEndRow[] = [
    await certify(() => createTarget('reference', { timeoutMs }), seed, runs, {
      target: 'reference',
      mode: 'in-process',
    }),
  ];
  for (const [name, spec] of Object.entries(harnesses)) {
    const modes = [
      ['pipelined', { protocolVersion: 1 }],
      ['lockstep', { protocolVersion: 1, pipeline: false }],
      ['batched', { protocolVersion: 2 }],
    ] as const;
    for (const [mode, options] of modes) {
      rows.push(
        await certify(() => createTarget(spec, { timeoutMs, ...options }), seed, runs, {
          target: `${name} example`,
          mode,
        }),
      );
    }
  }
  const rate = (target: string, mode: string): number =>
    rows.find((r) => r.target === target && r.mode === mode)?.perSecond ?? Number.NaN;
  const inProcess = rate('reference', 'in-process');
  const ratios = (f: (name: string) => number): Record<string, number> =>
    Object.fromEntries(Object.keys(harnesses).map((n) => [n, f(`${n} example`)]));
  return {
    runs,
    rows,
    pipelinedOverInProcess: ratios((t) => rate(t, 'pipelined') / inProcess),
    pipelinedOverLockstep: ratios((t) => rate(t, 'pipelined') / rate(t, 'lockstep')),
    batchedOverLockstep: ratios((t) => rate(t, 'batched') / rate(t, 'lockstep')),
    batchedOverInProcess: ratios((t) => rate(t, 'batched') / inProcess),
  };
}
