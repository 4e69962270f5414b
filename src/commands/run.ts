import { BUILTIN_ADAPTERS, findBuiltin } from '../adapters/index.js';
import { certify } from '../api/certify.js';
import { DEFAULT_TIMEOUT_MS, TargetStartError } from '../contract/validator.js';
import { isProtocolVersion } from '../harness/protocol-v2.js';
import type { Baseline } from '../report/baseline.js';
import { plural } from '../report/describe.js';
import { REPLAY_OUT_DIR } from '../report/replay.js';
import { type Format, parseFormats } from '../report/write.js';
import { DEFAULT_RUNS } from '../runner/options.js';
import { ReplayError } from '../runner/replay.js';
import { parseShard } from '../runner/shard.js';
import { DEFAULT_MAX_RESTARTS } from '../targets/cmd-options.js';
import { isEnvName } from '../targets/harness-env.js';
import {
  type Command,
  EXIT,
  type Io,
  parseFlags,
  parseIntFlag,
  parseSeed,
  selectOrUsage,
  UsageError,
} from './common.js';
import { checkOutputDir, checkOutputFile } from './output-paths.js';
import { progressPrinter } from './progress.js';
import {
  baselineChanges,
  baselineSummary,
  loadBaseline,
  previousBaseline,
} from './run-baseline.js';
import { type OutputPlan, writeOutputs } from './run-output.js';
import { summaryTable } from './summary-table.js';
import { colourOn, painter, terminalText } from './terminal.js';

const OPTIONS = {
  target: { type: 'string', short: 't', multiple: true },
  runs: { type: 'string' },
  seed: { type: 'string' },
  path: { type: 'string' },
  rules: { type: 'string' },
  'timeout-ms': { type: 'string' },
  protocol: { type: 'string' },
  'max-restarts': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'export-counterexamples': { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  shard: { type: 'string' },
  'max-failures': { type: 'string' },
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
  cmd:<command line>    a program in any language speaking the harness protocol (version 1
                        or 2, JSON lines) on stdin/stdout

Options:
  -t, --target SPEC       a target to certify (repeatable)
      --runs N            generated cases per rule (default ${DEFAULT_RUNS})
      --seed N            fast-check seed, 0 to 4294967295 (default: random; printed and stored
                          in the report)
      --rules GLOB        only rules matching the glob(s), comma-separated (e.g. 'handle.*,did.length.*')
      --path P            replay one recorded case (with --seed and --rules from a report); its
                          reports go to ${REPLAY_OUT_DIR}/ unless --out says otherwise
      --timeout-ms N      per-request timeout for every target (default ${DEFAULT_TIMEOUT_MS})
      --protocol N        the highest harness protocol version offered to cmd: targets: 2
                          (default; a harness that refuses it is started again offering 1)
                          or 1 (to certify a harness's version 1 even when it speaks 2)
      --max-restarts N    restarts per rule of a target that crashes or hangs (cmd:, module:,
                          built-in; default ${DEFAULT_MAX_RESTARTS}); then the rest of the rule is errored
      --pass-env NAME     pass this environment variable to cmd: harnesses too (repeatable); they
                          get only PATH, HOME, the locale, TMPDIR/TEMP/TMP and TZ otherwise
      --baseline FILE     known failures ({"version":1,"knownFailures":[{"target","rule","reason"}]}):
                          the exit code then reflects only new failures and fixed ones; an
                          error is known only with "status":"error"; unknown rules and targets
                          not in the run are usage errors
      --write-baseline F  write the current failures as a baseline file (reasons already in F,
                          or in --baseline, are kept)
      --export-counterexamples DIR
                          write every counterexample as test vectors (interop text files and
                          sessions.jsonl and vectors.json, as export-vectors does)
      --out DIR           report folder (default reports/)
      --format LIST       report formats: json,md,junit,html (default all)
      --shard i/n         run only shard i of n of the rule x target work (merge with "merge")
      --max-failures N    stop after N failing rules (fail or error); the report is partial and
                          lists the rules not run
      --no-examples       skip the explicit examples (interop vectors, edge cases)
  -q, --quiet             no progress on stderr and no summary table on stdout
  -h, --help              show this help

Output paths are checked before the run starts. Progress goes to stderr (one line every few
seconds when it is not a terminal). Colour only on a terminal; NO_COLOR turns it off and
FORCE_COLOR on. Ctrl-C stops the run and writes a partial report ("interrupted": true); a second
Ctrl-C exits at once.

Exit codes: 0 conformant (or, with --baseline, no new failures and nothing fixed), 1 not
conformant, 2 usage or configuration error (also: a report could not be written at the end),
3 a target could not be started, 130 interrupted.
`;

export const command: Command = {
  name: 'run',
  summary: 'certify validators',
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const { values } = parseFlags(argv, OPTIONS);
    const runs = parseIntFlag('runs', values.runs, 1) ?? DEFAULT_RUNS;
    const seed = parseSeed(values.seed, () => Math.floor(Math.random() * 2 ** 31));
    const timeoutMs = parseIntFlag('timeout-ms', values['timeout-ms'], 1) ?? DEFAULT_TIMEOUT_MS;
    const maxFailures = parseIntFlag('max-failures', values['max-failures'], 1);
    const maxRestarts = parseIntFlag('max-restarts', values['max-restarts'], 0);
    // Exactly "1" or "2": Number() would take "1.0" or "0x2" too.
    const protocolVersion =
      values.protocol === undefined ? undefined : Number(/^[0-9]+$/.exec(values.protocol)?.[0]);
    if (protocolVersion !== undefined && !isProtocolVersion(protocolVersion)) {
      throw new UsageError(`--protocol must be 1 or 2, got ${JSON.stringify(values.protocol)}`);
    }
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
    const specs = values.target ?? BUILTIN_ADAPTERS.map((a) => a.id);
    for (const [i, spec] of specs.entries()) {
      if (specs.indexOf(spec) !== i) throw new UsageError(`--target ${spec} is given twice`);
      if (!/^(module|cmd):/.test(spec) && findBuiltin(spec) === undefined) {
        throw new UsageError(
          `unknown target "${spec}": use a built-in id (${BUILTIN_ADAPTERS.map((a) => a.id).join(', ')}), module:<path> or cmd:<command line>`,
        );
      }
    }
    const baseline =
      values.baseline === undefined ? undefined : loadBaseline(values.baseline, specs);
    // A replay writes beside the reports, never over the report it came from.
    const outDir = values.out ?? (values.path !== undefined ? REPLAY_OUT_DIR : 'reports');
    const plan = outputPlan(values, outDir, formats, baseline);

    const passEnv = values['pass-env'] ?? [];
    for (const name of passEnv) {
      if (!isEnvName(name))
        throw new UsageError(`--pass-env takes a variable name, got ${JSON.stringify(name)}`);
    }

    let failed = 0;
    const progress = values.quiet ? undefined : progressPrinter(io);
    // Said at once, so the user knows the Ctrl-C was seen and what a second one does.
    const onAbort = (): void => {
      progress?.done();
      io.stderr(
        `atproto-conformance run: interrupted; writing a partial report to ${terminalText(outDir)} (Ctrl-C again to exit at once)\n`,
      );
    };
    try {
      const certified = await certify(specs, {
        seed,
        runs,
        timeoutMs,
        passEnv,
        ...(protocolVersion !== undefined ? { protocolVersion } : {}),
        ...(maxRestarts !== undefined ? { maxRestarts } : {}),
        ...(baseline !== undefined ? { baseline } : {}),
        ...(ruleIds !== undefined ? { rules: ruleIds } : {}),
        ...(values.path !== undefined ? { path: values.path } : {}),
        ...(shard !== undefined ? { shard } : {}),
        ...(values['no-examples'] === true ? { examples: false } : {}),
        ...(progress !== undefined ? { onProgress: progress.update } : {}),
        ...(io.signal !== undefined ? { signal: io.signal } : {}),
        ...(maxFailures !== undefined ? { maxFailures } : {}),
        onStartError: (_id, err) => {
          io.stderr(`atproto-conformance run: ${terminalText(err.message)}\n`);
          failed++;
        },
        onStarted: () => {
          if (!values.quiet)
            io.stderr(`seed ${seed}, ${runs} runs per rule, ${specs.length} target(s)\n`);
          if (io.signal?.aborted === true) onAbort();
          else io.signal?.addEventListener('abort', onAbort, { once: true });
        },
      });
      progress?.done();

      const { report } = certified;
      if (report.interrupted === true) {
        // The one line was said on the signal; a failed write says its own.
        await writeOutputs(report, { outDir, formats }, io);
        return EXIT.interrupted;
      }
      let code: number = report.targets.every((t) => t.conformant) ? EXIT.ok : EXIT.notConformant;
      let baselineLine = '';
      const cmp = certified.comparison;
      if (cmp !== undefined) {
        code = cmp.newFailures.length > 0 || cmp.fixed.length > 0 ? EXIT.notConformant : EXIT.ok;
        io.stderr(baselineChanges(cmp));
        baselineLine = baselineSummary(values.baseline as string, cmp);
      }
      const { written, ok } = await writeOutputs(report, plan, io);
      if (!values.quiet) {
        io.stdout(summaryTable(report, painter(colourOn(io.env, io.stdoutIsTTY === true))));
        if (report.notRun !== undefined) {
          io.stdout(
            `\nStopped after ${plural(maxFailures ?? 0, 'failing rule')} (--max-failures): ${plural(report.notRun.length, 'rule')} not run.\n`,
          );
        }
        if (baselineLine !== '') io.stdout(`\n${baselineLine}`);
        if (written.length > 0) io.stdout(`\nReports: ${written.join(', ')}\n`);
      }
      if (!ok) return EXIT.usage;
      return failed > 0 ? EXIT.targetStart : code;
    } catch (err) {
      // A --path that names no case: the command is wrong (exit 2), not the target.
      if (err instanceof ReplayError) throw new UsageError(err.message);
      // Nothing could start: the one-line messages above say why; there is nothing to report.
      if (err instanceof TargetStartError && failed === specs.length) return EXIT.targetStart;
      throw err;
    } finally {
      io.signal?.removeEventListener('abort', onAbort);
    }
  },
};

type Values = ReturnType<typeof parseFlags<typeof OPTIONS>>['values'];

/** Every output path checked now, before any work, so a typo cannot cost a finished run. */
function outputPlan(
  values: Values,
  outDir: string,
  formats: readonly Format[],
  baseline: Baseline | undefined,
): OutputPlan {
  checkOutputDir('--out', outDir);
  const writeBaseline = values['write-baseline'];
  const vectorDir = values['export-counterexamples'];
  if (writeBaseline !== undefined) checkOutputFile('--write-baseline', writeBaseline);
  if (vectorDir !== undefined) checkOutputDir('--export-counterexamples', vectorDir);
  const previous =
    writeBaseline === undefined ? undefined : previousBaseline(writeBaseline, baseline);
  return {
    outDir,
    formats,
    ...(writeBaseline !== undefined ? { writeBaseline } : {}),
    ...(previous !== undefined ? { previousBaseline: previous } : {}),
    ...(vectorDir !== undefined ? { vectorDir } : {}),
  };
}

function parseFormatsOrUsage(text: string | undefined): Format[] {
  try {
    return parseFormats(text ?? 'all');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
