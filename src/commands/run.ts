import { writeFileSync } from 'node:fs';
import { BUILTIN_ADAPTERS, findBuiltin } from '../adapters/index.js';
import { loadBaseline } from '../api/baseline.js';
import { certify } from '../api/certify.js';
import { DEFAULT_TIMEOUT_MS, TargetStartError } from '../contract/validator.js';
import { type Format, parseFormats, writeReports } from '../report/write.js';
import { type Baseline, BaselineError, baselineFrom } from '../runner/baseline.js';
import { DEFAULT_RUNS } from '../runner/options.js';
import { ReplayError } from '../runner/replay.js';
import { parseShard } from '../runner/shard.js';
import { isEnvName } from '../targets/harness-env.js';
import { exportCounterexamples } from '../vectors/counterexamples.js';
import {
  type Command,
  EXIT,
  type Io,
  parseFlags,
  parseIntFlag,
  selectOrUsage,
  UsageError,
} from './common.js';
import { progressPrinter } from './progress.js';
import { summaryTable } from './summary-table.js';

const OPTIONS = {
  target: { type: 'string', short: 't', multiple: true },
  runs: { type: 'string' },
  seed: { type: 'string' },
  path: { type: 'string' },
  rules: { type: 'string' },
  'timeout-ms': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'export-counterexamples': { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  shard: { type: 'string' },
  'no-examples': { type: 'boolean' },
  'pass-env': { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
} as const;

const HELP = `Usage: atproto-conformance run [--target SPEC]... [options]

Certifies validators against the rule catalogue: for every rule, the interop vectors and
hand-picked edge cases, then --runs generated cases (fast-check); failures are shrunk to a minimal
counterexample. With no --target, every built-in target is certified.

Targets (repeat --target to certify several side by side):
  <builtin id>          ${BUILTIN_ADAPTERS.map((a) => a.id).join(', ')}
  module:<path>         a JS module whose default export (or export "validator") is
                        { name, version?, kinds, validate(kind, value) }
  cmd:<command line>    a program in any language speaking harness protocol v1 on stdin/stdout

Options:
  -t, --target SPEC       a target to certify (repeatable)
      --runs N            generated cases per rule (default ${DEFAULT_RUNS})
      --seed N            fast-check seed (default: random; printed and stored in the report)
      --rules GLOB        only rules matching the glob(s), comma-separated (e.g. 'handle.*,did.length.*')
      --path P            replay one recorded case (with --seed and --rules from a report)
      --timeout-ms N      per-request timeout for every target (default ${DEFAULT_TIMEOUT_MS})
      --pass-env NAME     pass this environment variable to cmd: harnesses too (repeatable); they
                          get only PATH, HOME, the locale, TMPDIR/TEMP/TMP and TZ otherwise
      --baseline FILE     known failures ({"version":1,"knownFailures":[{"target","rule","reason"}]}):
                          the exit code then reflects only new failures and fixed ones
      --write-baseline F  write the current failures as a baseline file
      --export-counterexamples DIR
                          write every counterexample as test vectors (interop text files and
                          sessions.jsonl and vectors.json, as export-vectors does)
      --out DIR           report folder (default reports/)
      --format LIST       report formats: json,md,junit,html (default all)
      --shard i/n         run only shard i of n of the rule x target work (merge with "merge")
      --no-examples       skip the explicit examples (interop vectors, edge cases)
  -q, --quiet             no summary table on stdout
  -h, --help              show this help

Exit codes: 0 conformant (or, with --baseline, no new failures and nothing fixed), 1 not
conformant, 2 usage or configuration error, 3 a target could not be started.
`;

export const command: Command = {
  name: 'run',
  summary: 'certify validators',
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const { values } = parseFlags(argv, OPTIONS);
    const runs = parseIntFlag('runs', values.runs, 1) ?? DEFAULT_RUNS;
    const seed = parseIntFlag('seed', values.seed, 0) ?? Math.floor(Math.random() * 2 ** 31);
    const timeoutMs = parseIntFlag('timeout-ms', values['timeout-ms'], 1) ?? DEFAULT_TIMEOUT_MS;
    const formats = parseFormatsOrUsage(values.format);
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    if (values.shard !== undefined && shard === undefined) {
      throw new UsageError(
        `--shard must look like i/n with 1 <= i <= n, got ${JSON.stringify(values.shard)}`,
      );
    }
    const ruleIds = values.rules === undefined ? undefined : selectOrUsage(values.rules);
    if (values.path !== undefined && values.seed === undefined) {
      throw new UsageError('--path replays a recorded case: give the --seed it was recorded with');
    }
    const baseline =
      values.baseline === undefined ? undefined : loadBaselineOrUsage(values.baseline);
    const specs = values.target ?? BUILTIN_ADAPTERS.map((a) => a.id);
    for (const [i, spec] of specs.entries()) {
      if (specs.indexOf(spec) !== i) throw new UsageError(`--target ${spec} is given twice`);
      if (!/^(module|cmd):/.test(spec) && findBuiltin(spec) === undefined) {
        throw new UsageError(
          `unknown target "${spec}": use a built-in id (${BUILTIN_ADAPTERS.map((a) => a.id).join(', ')}), module:<path> or cmd:<command line>`,
        );
      }
    }

    const passEnv = values['pass-env'] ?? [];
    for (const name of passEnv) {
      if (!isEnvName(name))
        throw new UsageError(`--pass-env takes a variable name, got ${JSON.stringify(name)}`);
    }

    let failed = 0;
    const progress = io.stderrIsTTY ? progressPrinter(io) : undefined;
    try {
      const certified = await certify(specs, {
        seed,
        runs,
        timeoutMs,
        passEnv,
        ...(baseline !== undefined ? { baseline } : {}),
        ...(ruleIds !== undefined ? { rules: ruleIds } : {}),
        ...(values.path !== undefined ? { path: values.path } : {}),
        ...(shard !== undefined ? { shard } : {}),
        ...(values['no-examples'] === true ? { examples: false } : {}),
        ...(progress !== undefined ? { onProgress: progress.update } : {}),
        onStartError: (_id, err) => {
          io.stderr(`atproto-conformance run: ${err.message}\n`);
          failed++;
        },
        onStarted: () => {
          if (!values.quiet)
            io.stderr(`seed ${seed}, ${runs} runs per rule, ${specs.length} target(s)\n`);
        },
      });
      progress?.done();

      const { report } = certified;
      let code: number = report.targets.every((t) => t.conformant) ? EXIT.ok : EXIT.notConformant;
      const cmp = certified.comparison;
      if (cmp !== undefined) {
        code = cmp.newFailures.length > 0 || cmp.fixed.length > 0 ? EXIT.notConformant : EXIT.ok;
        for (const f of cmp.newFailures) io.stderr(`new failure: ${f.target} ${f.rule}\n`);
        for (const f of cmp.fixed)
          io.stderr(`fixed (remove from the baseline): ${f.target} ${f.rule}\n`);
      }
      const outDir = values.out ?? 'reports';
      const written = await writeReports(report, { outDir, formats });
      if (values['write-baseline'] !== undefined) {
        writeFileSync(
          values['write-baseline'],
          `${JSON.stringify(baselineFrom(report), null, 2)}\n`,
        );
        written.push(values['write-baseline']);
      }
      const vectorDir = values['export-counterexamples'];
      if (vectorDir !== undefined) {
        await exportCounterexamples(report, vectorDir);
        written.push(vectorDir);
      }
      if (!values.quiet) {
        io.stdout(summaryTable(report));
        io.stdout(`\nReports: ${written.join(', ')}\n`);
      }
      return failed > 0 ? EXIT.targetStart : code;
    } catch (err) {
      // A --path that names no case: the command is wrong (exit 2), not the target.
      if (err instanceof ReplayError) throw new UsageError(err.message);
      // Nothing could start: the one-line messages above say why; there is nothing to report.
      if (err instanceof TargetStartError && failed === specs.length) return EXIT.targetStart;
      throw err;
    }
  },
};

function parseFormatsOrUsage(text: string | undefined): Format[] {
  try {
    return parseFormats(text ?? 'all');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function loadBaselineOrUsage(file: string): Baseline {
  try {
    return loadBaseline(file, `--baseline ${file}`);
  } catch (err) {
    if (err instanceof BaselineError) throw new UsageError(err.message);
    throw err;
  }
}
