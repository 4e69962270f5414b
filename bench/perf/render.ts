import type { EndToEndResult } from './end-to-end.js';
import type { MainJobResult } from './main-job.js';
import { MEMORY_TARGET_RATIO, type MemoryResult } from './memory.js';
import type { OverheadResult } from './overhead.js';
import type { ScalingRow } from './scaling.js';
import type { ThroughputResult } from './throughput.js';
import { round } from './timing.js';

/** reports/bench/bench.json. */
export interface BenchReport {
  readonly tool: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: { readonly node: string; readonly cpus: number; readonly platform: string };
  readonly seed: number;
  readonly mainJob: MainJobResult;
  readonly overhead: OverheadResult;
  readonly throughput: ThroughputResult;
  readonly certification: EndToEndResult;
  readonly scaling: {
    readonly byRuns: readonly ScalingRow[];
    readonly byTargets: readonly ScalingRow[];
  };
  readonly memory: MemoryResult;
}

const fmt = (n: number): string => round(n).toLocaleString('en-US');
const ms = (n: number): string => `${fmt(n)} ms`;
const x = (n: number): string => `${round(n)}×`;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/** Whether the runner asked for each rule's arbitrary once and generated the same values, whatever the number of targets. */
export function generatesOnce(rows: readonly ScalingRow[]): boolean {
  const [first] = rows;
  if (first === undefined) return false;
  return rows.every(
    (r) =>
      r.arbitraryCalls === first.rules &&
      r.generatedValues === first.generatedValues &&
      r.generatedValues === first.rules * first.runs,
  );
}

function mainJobSection(job: MainJobResult): string[] {
  const cpu = job.cpuUserMs + job.cpuSystemMs;
  return [
    '## The main job',
    '',
    `Every built-in target at default settings (${job.runs} runs per rule, explicit examples), seed ${job.seed}, in a process of its own.`,
    '',
    ...table(
      ['Wall time', 'CPU time (user + system)', 'CPU / wall', 'Peak memory (maxRSS)'],
      [[ms(job.wallMs), ms(cpu), x(cpu / job.wallMs), `${fmt(job.maxRssMiB)} MiB`]],
    ),
    '',
    'By target. Targets run side by side, so their `durationMs` in the joint run overlap; each was also certified alone.',
    '',
    ...table(
      ['Target', 'durationMs (joint)', 'Alone: wall', 'Alone: CPU', 'pass / fail / error'],
      job.targets.map((t) => [
        `\`${t.id}\``,
        fmt(t.durationMs),
        ms(t.soloWallMs),
        ms(t.soloCpuMs),
        `${t.pass} / ${t.fail} / ${t.error}`,
      ]),
    ),
  ];
}

function overheadSection(o: OverheadResult): string[] {
  const share = (n: number): string => `${round((100 * n) / o.runner.cpuMs)}%`;
  return [
    '## Runner overhead',
    '',
    `The reference oracle through \`runConformance\` against a bare \`fc.check\` loop over the same arbitraries, seed, runs (${o.runs} x ${o.rules} rules, examples off) and predicate; median of ${o.reps}.`,
    '',
    ...table(
      ['', 'CPU', 'Wall'],
      [
        ['runner', ms(o.runner.cpuMs), ms(o.runner.wallMs)],
        ['bare loop', ms(o.bareLoop.cpuMs), ms(o.bareLoop.wallMs)],
        ['**ratio**', `**${x(o.ratio)}**`, x(o.wallRatio)],
      ],
    ),
    '',
    "The runner's steps timed alone over the same cases (CPU, and share of the runner's CPU):",
    '',
    ...table(
      ['Step', 'CPU', 'Share'],
      [
        [
          'generate every rule (`fc.sample`)',
          ms(o.parts.generate.cpuMs),
          share(o.parts.generate.cpuMs),
        ],
        [
          'verdict cache keys (`caseKey`, per target)',
          ms(o.parts.cacheKeys.cpuMs),
          share(o.parts.cacheKeys.cpuMs),
        ],
        [
          'validate through the in-process target',
          ms(o.parts.validate.cpuMs),
          share(o.parts.validate.cpuMs),
        ],
        ['the oracle `check` alone', ms(o.parts.oracle.cpuMs), share(o.parts.oracle.cpuMs)],
      ],
    ),
  ];
}

function throughputSection(t: ThroughputResult): string[] {
  return [
    '## Harness protocol throughput',
    '',
    'A validator that answers "valid" to everything, fed a mix of generated values of every kind.',
    '',
    ...table(
      ['Harness', 'Mode', 'Validations', 'Validations / s', 'Start'],
      t.rows.map((r) => [
        r.harness,
        r.mode,
        fmt(r.validations),
        fmt(r.perSecond),
        r.startMs === undefined ? '–' : ms(r.startMs),
      ]),
    ),
    '',
    ...ratioTable(t, 'harness'),
  ];
}

/** Pipelined over in-process and over lockstep, for the Node and Python harnesses. */
function ratioTable(
  r: Pick<ThroughputResult, 'pipelinedOverInProcess' | 'pipelinedOverLockstep'> &
    Partial<Pick<ThroughputResult, 'batchedOverLockstep'>> &
    Partial<Pick<EndToEndResult, 'batchedOverInProcess'>>,
  noun: string,
): string[] {
  const row = (name: string, ratios: Readonly<Record<string, number>>): string[] => [
    name,
    x(ratios.node ?? Number.NaN),
    x(ratios.python ?? Number.NaN),
  ];
  return table(
    ['Ratio', `Node ${noun}`, `Python ${noun}`],
    [
      row('pipelined / in-process', r.pipelinedOverInProcess),
      row('pipelined / lockstep', r.pipelinedOverLockstep),
      ...(r.batchedOverInProcess === undefined
        ? []
        : [row('batched (v2) / in-process', r.batchedOverInProcess)]),
      ...(r.batchedOverLockstep === undefined
        ? []
        : [row('batched (v2) / lockstep', r.batchedOverLockstep)]),
    ],
  );
}

function certificationSection(c: EndToEndResult): string[] {
  return [
    '## Certifying through `cmd:`, end to end',
    '',
    `The reference in-process against the shipped example harnesses (examples/harnesses) through \`cmd:\`: every validator rule, ${fmt(c.runs)} runs per rule, examples off, generation and comparison included.`,
    '',
    ...table(
      ['Target', 'Mode', 'Validations', 'Wall', 'Validations / s', 'Conformant'],
      c.rows.map((r) => [
        r.target,
        r.mode,
        fmt(r.validations),
        ms(r.wallMs),
        fmt(r.perSecond),
        r.conformant ? 'yes' : 'no',
      ]),
    ),
    '',
    ...ratioTable(c, 'example'),
  ];
}

/**
 * The least wall time `row` could take on `cpus` cores with its CPU time, as a multiple of the
 * one-target wall time: no scheduling can beat it.
 */
export function wallFloor(row: ScalingRow, one: ScalingRow, cpus: number): number {
  return row.cpuMs / Math.max(1, cpus) / one.wallMs;
}

function scalingSection(
  byRuns: readonly ScalingRow[],
  byTargets: readonly ScalingRow[],
  o: OverheadResult,
  cpus: number,
): string[] {
  const runsRow = (r: ScalingRow): string[] => [
    fmt(r.runs),
    fmt(r.validations),
    ms(r.cpuMs),
    fmt(r.usPerValidation),
    r.flatUsPerValidation === undefined ? '–' : fmt(r.flatUsPerValidation),
    r.bareUsPerCase === undefined ? '–' : fmt(r.bareUsPerCase),
    r.liveHeapMiB === undefined ? '–' : `${fmt(r.liveHeapMiB)} MiB`,
    `${r.arbitraryCalls} / ${fmt(r.generatedValues)}`,
  ];
  const runsHead = [
    'Runs',
    'Validations',
    'CPU',
    'µs / validation',
    'Same, strings flattened',
    'Bare loop µs / case',
    'Live heap, last rule',
    'Arbitraries / values generated',
  ];
  const thread = (r: ScalingRow, part: keyof NonNullable<ScalingRow['threads']>): string =>
    r.threads === undefined ? '–' : ms(r.threads[part]);
  const one = byTargets[0];
  const targetsRow = (r: ScalingRow): string[] => [
    String(r.targets),
    fmt(r.validations),
    ms(r.wallMs),
    one === undefined ? '–' : x(r.wallMs / one.wallMs),
    one === undefined ? '–' : x(wallFloor(r, one, cpus)),
    ms(r.cpuMs),
    thread(r, 'mainMs'),
    thread(r, 'newThreadsMs'),
    thread(r, 'backgroundMs'),
    fmt(r.usPerValidation),
    `${r.arbitraryCalls} / ${fmt(r.generatedValues)}`,
  ];
  const targetsHead = [
    'Targets',
    'Validations',
    'Wall',
    'Wall / one target',
    `Least possible on ${cpus} CPUs`,
    'CPU',
    'Main thread',
    'Target threads',
    'V8 background',
    'µs / validation',
    'Arbitraries / values generated',
  ];
  const perCase = o.runs * o.rules;
  const last = byTargets[byTargets.length - 1];
  const marginal =
    one !== undefined && last !== undefined && last.targets > one.targets
      ? (last.cpuMs - one.cpuMs) / (last.targets - one.targets)
      : Number.NaN;
  return [
    '## How cost grows',
    '',
    `Against runs: the reference alone on ${byRuns[0]?.rules ?? 0} rules (handle, DID and session; valid and invalid), examples off.`,
    '',
    ...table(runsHead, byRuns.map(runsRow)),
    '',
    'Against targets: 1 to 8 copies of the reference on every validator rule, default runs, examples off. CPU by thread (Linux, 10 ms ticks): the main thread generates and judges; each target has a thread of its own; V8 background threads compile and collect for every isolate. The least possible wall time is the CPU time spread perfectly over every CPU, against the wall time of one target.',
    '',
    ...table(targetsHead, byTargets.map(targetsRow)),
    '',
    `Each extra target costs ${ms(marginal)} of CPU (${one === undefined ? '–' : fmt((marginal * 1000) / (one.validations || 1))} µs per validation), ${one === undefined ? '–' : x(marginal / one.cpuMs)} the cost of a one-target run, which includes generating every case. Measured alone on the same cases, per case and target: the verdict cache key (\`caseKey\`, a JSON.stringify) ${fmt((o.parts.cacheKeys.cpuMs * 1000) / perCase)} µs, validating through the in-process target ${fmt((o.parts.validate.cpuMs * 1000) / perCase)} µs.`,
    `Each target runs in its own worker thread: ${last?.targets ?? 0} targets take **${one === undefined || last === undefined ? '–' : x(last.wallMs / one.wallMs)}** the wall time of one. With their CPU time spread perfectly over this machine's ${cpus} CPUs they would still take ${one === undefined || last === undefined ? '–' : x(wallFloor(last, one, cpus))}: each copy has an isolate of its own, which decodes its copy of every value and compiles the validator for itself.`,
    `Generation happens once per rule whatever the number of targets: **${generatesOnce(byTargets) ? 'yes' : 'NO'}** (the runner asked for each rule's arbitrary once and generated runs x rules values in every row).`,
  ];
}

function memorySection(m: MemoryResult): string[] {
  const first = m.rows[0];
  const last = m.rows[m.rows.length - 1];
  const mib = (n: number | undefined): string => (n === undefined ? '–' : `${fmt(n)} MiB`);
  return [
    '## Peak memory against runs',
    '',
    `The reference (in its worker thread, as the CLI runs it) on \`${m.rule}\`, examples off, each run in a fresh process.`,
    '',
    ...table(
      ['Runs', 'Peak RSS (maxRSS)', 'VmHWM'],
      m.rows.map((r) => [fmt(r.runs), mib(r.maxRssMiB), mib(r.vmHwmMiB)]),
    ),
    '',
    ...table(
      ['Ratio', 'Measured', 'Target', 'Met'],
      [
        [
          `peak RSS, ${fmt(last?.runs ?? 0)} runs / ${fmt(first?.runs ?? 0)} runs`,
          `**${x(m.ratio)}**`,
          `≤ ${x(MEMORY_TARGET_RATIO)}`,
          m.ratio <= MEMORY_TARGET_RATIO ? 'yes' : '**no**',
        ],
      ],
    ),
  ];
}

export function renderBench(r: BenchReport): string {
  return `${[
    '# Benchmarks',
    '',
    `${r.startedAt}; Node ${r.machine.node}, ${r.machine.cpus} CPUs, ${r.machine.platform}; tool ${r.tool}; seed ${r.seed}.`,
    '',
    ...mainJobSection(r.mainJob),
    '',
    ...overheadSection(r.overhead),
    '',
    ...throughputSection(r.throughput),
    '',
    ...certificationSection(r.certification),
    '',
    ...scalingSection(r.scaling.byRuns, r.scaling.byTargets, r.overhead, r.machine.cpus),
    '',
    ...memorySection(r.memory),
  ].join('\n')}\n`;
}
