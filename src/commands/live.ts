import { TargetStartError } from '../contract/validator.js';
import { InterruptedError } from '../live/client.js';
import { formatPlan, planRequests } from '../live/plan.js';
import { DEFAULT_PASSWORD_ENV, Redactor } from '../live/redact.js';
import {
  DEFAULT_BUDGET,
  DEFAULT_LIVE_TIMEOUT_MS,
  DEFAULT_NEGATIVE_BUDGET,
  type LiveRun,
  type LiveSuiteOptions,
  normalizeBaseUrl,
  runLiveSuite,
} from '../live/suite.js';
import { type Format, parseFormats, writeReports } from '../report/write.js';
import { type Command, EXIT, type Io, parseFlags, parseIntFlag, UsageError } from './common.js';
import { summaryTable } from './summary-table.js';

const OPTIONS = {
  pds: { type: 'string' },
  local: { type: 'boolean' },
  identifier: { type: 'string' },
  'password-env': { type: 'string' },
  'allow-http': { type: 'boolean' },
  out: { type: 'string' },
  format: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'dry-run': { type: 'boolean' },
  budget: { type: 'string' },
  'negative-budget': { type: 'string' },
  seed: { type: 'string' },
} as const;

/** Exit code after Ctrl-C (128 + SIGINT), once the sessions are deleted and the report written. */
const EXIT_INTERRUPTED = 130;

export const command: Command = {
  name: 'live',
  summary: 'check a real PDS: sessions, errors, invalid requests',
  help: `Usage: atproto-conformance live --pds URL --identifier ID [options]
       atproto-conformance live --local [options]

Checks a running PDS over HTTP: createSession, getSession, refreshSession and deleteSession with
real credentials (the session bodies against the session, coherence and DID policy rules), error
responses for wrong credentials and wrong tokens, and invalid createSession requests generated
and shrunk with fast-check. Writes the same reports as \`run\`, with one target (live:URL).

It never creates accounts on a remote server and uses no account state besides sessions: every
session it opens is deleted before it exits, also after a failure or Ctrl-C. Passwords and tokens
never appear in reports or output; curl commands use $ATPROTO_PASSWORD, $ACCESS_JWT, $REFRESH_JWT.

Target (one of):
  --pds URL              base URL of the PDS, e.g. https://pds.example.com
  --local                start the reference PDS (@atproto/pds with a local did:plc directory)
                         on 127.0.0.1, create a throwaway account, check it, then delete it all
                         (needs the dev dependencies)

Credentials (with --pds):
  --identifier ID        handle, DID or email of the account (an app password works too)
  --password-env NAME    environment variable holding the password (default ${DEFAULT_PASSWORD_ENV});
                         there is no password flag, so it never shows in the process list
  --allow-http           allow a plain http:// URL to a host other than localhost

Safety:
  --budget N             createSession requests that may reach the login handler, wrong
                         credentials included (default ${DEFAULT_BUDGET}; the reference PDS allows 30
                         per 5 minutes per account)
  --negative-budget N    invalid createSession requests (default ${DEFAULT_NEGATIVE_BUDGET})
  --timeout-ms N         timeout of each request (default ${DEFAULT_LIVE_TIMEOUT_MS})
  --dry-run              print every request it would make, secrets masked, and send nothing

Reports:
  --out DIR              report folder (default reports/)
  --format LIST          json,md,junit,html (default all)
  --seed N               seed of the invalid requests (printed in the report, for replay)
  -h, --help             show this help

A 429 with a short Retry-After (up to 30 s) is waited out; a longer one stops the run, and the
checks left are reported as skipped, as they are when a budget is spent.

Exit codes: 0 every MUST check ran and passed, 1 a MUST check failed or did not run (spent
budget, rate limit), 2 usage or configuration error (bad URL, password variable not set, --local
without the dev dependencies), 3 the server cannot be reached or is not a PDS, 130 interrupted (sessions deleted, partial
report written).
`,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const { values } = parseFlags(argv, OPTIONS);
    const config = readConfig(values, io);
    if (values['dry-run'] === true) return dryRun(config, io);
    let run: LiveRun | undefined;
    try {
      run = config.local ? await runLocal(config, io) : await runRemote(config, io);
    } catch (err) {
      // Ctrl-C before the first check (while probing or starting the local PDS): nothing to report.
      if (!(err instanceof InterruptedError)) throw err;
      io.stderr('atproto-conformance live: interrupted before any check ran\n');
      return EXIT_INTERRUPTED;
    }
    if (run === undefined) return EXIT.usage;
    return finish(run, config, io);
  },
};

interface Config {
  readonly local: boolean;
  readonly url: string;
  readonly identifier: string;
  readonly password: string;
  readonly passwordEnv: string;
  readonly outDir: string;
  readonly formats: Format[];
  readonly timeoutMs: number;
  readonly budget: number;
  readonly negativeBudget: number;
  readonly seed: number;
}

type Values = ReturnType<typeof parseFlags<typeof OPTIONS>>['values'];

function readConfig(values: Values, io: Io): Config {
  const local = values.local === true;
  if (local === (values.pds !== undefined)) {
    throw new UsageError('give either --pds URL or --local');
  }
  if (local && values.identifier !== undefined) {
    throw new UsageError('--identifier is for --pds; --local creates its own account');
  }
  let formats: Format[];
  try {
    formats = parseFormats(values.format ?? 'all');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const passwordEnv = values['password-env'] ?? DEFAULT_PASSWORD_ENV;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(passwordEnv)) {
    throw new UsageError(
      `--password-env must be an environment variable name, got ${JSON.stringify(passwordEnv)}`,
    );
  }
  const common = {
    local,
    passwordEnv,
    outDir: values.out ?? 'reports',
    formats,
    timeoutMs: parseIntFlag('timeout-ms', values['timeout-ms'], 1) ?? DEFAULT_LIVE_TIMEOUT_MS,
    budget: parseIntFlag('budget', values.budget, 1) ?? DEFAULT_BUDGET,
    negativeBudget:
      parseIntFlag('negative-budget', values['negative-budget'], 0) ?? DEFAULT_NEGATIVE_BUDGET,
    seed: parseIntFlag('seed', values.seed, 0) ?? Date.now() % 2 ** 31,
  };
  if (local)
    return {
      ...common,
      url: 'http://127.0.0.1:<port>',
      identifier: '<throwaway>.test',
      password: '',
    };
  const url = checkUrl(values.pds ?? '', values['allow-http'] === true);
  const identifier = values.identifier?.trim() ?? '';
  if (identifier === '') throw new UsageError('--pds needs --identifier (handle, DID or email)');
  const password = io.env[passwordEnv] ?? '';
  if (password === '') {
    throw new UsageError(
      `the password is read from the environment variable ${passwordEnv}, which is not set`,
    );
  }
  return { ...common, url, identifier, password };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function checkUrl(text: string, allowHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      `--pds must be a URL such as https://pds.example.com, got ${JSON.stringify(text)}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--pds must be an http(s) URL, got ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new UsageError('--pds must not carry credentials; use --identifier and --password-env');
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new UsageError(`--pds is the server's base URL, without a path: ${url.origin}`);
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname) && !allowHttp) {
    throw new UsageError(
      `--pds ${url.origin} is plain http: the password would travel unencrypted (use https, or --allow-http for a private network)`,
    );
  }
  return normalizeBaseUrl(url.origin);
}

function dryRun(config: Config, io: Io): number {
  const redactor = new Redactor(config.passwordEnv);
  // --local generates its password later, so there is none to show.
  const password = config.local ? `$${config.passwordEnv}` : config.password;
  redactor.addPassword(password);
  const opts = { ...config, password };
  io.stdout(formatPlan(planRequests(opts), redactor, opts));
  return EXIT.ok;
}

function suiteOptions(
  config: Config,
  io: Io,
): Omit<LiveSuiteOptions, 'url' | 'identifier' | 'password'> {
  return {
    passwordEnv: config.passwordEnv,
    timeoutMs: config.timeoutMs,
    budget: config.budget,
    negativeBudget: config.negativeBudget,
    seed: config.seed,
    ...(io.signal === undefined ? {} : { signal: io.signal }),
    ...(io.stderrIsTTY ? { progress: (line: string) => io.stderr(`live: ${line}\n`) } : {}),
  };
}

async function runRemote(config: Config, io: Io): Promise<LiveRun> {
  return runLiveSuite({
    ...suiteOptions(config, io),
    url: config.url,
    identifier: config.identifier,
    password: config.password,
  });
}

/** Undefined when the dev dependencies are missing (the message is already printed). */
async function runLocal(config: Config, io: Io): Promise<LiveRun | undefined> {
  const { LocalPdsUnavailableError, startLocalPds } = await import('../live/local-pds.js');
  if (io.stderrIsTTY) io.stderr('live: starting the reference PDS on 127.0.0.1\n');
  let pds: Awaited<ReturnType<typeof startLocalPds>>;
  try {
    pds = await startLocalPds();
  } catch (err) {
    if (err instanceof LocalPdsUnavailableError) {
      io.stderr(`atproto-conformance live: ${err.message}\n`);
      return undefined;
    }
    throw new TargetStartError(
      `the local PDS did not start: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  try {
    return await runLiveSuite({
      ...suiteOptions(config, io),
      url: pds.url,
      identifier: pds.handle,
      password: pds.password,
      targetId: 'live:local',
      targetName: '@atproto/pds (local)',
    });
  } finally {
    await pds.stop();
  }
}

async function finish(run: LiveRun, config: Config, io: Io): Promise<number> {
  const written = await writeReports(run.report, {
    outDir: config.outDir,
    formats: config.formats,
  });
  const say = (text: string): void => io.stdout(run.redactor.text(text));
  say(summaryTable(run.report));
  say(`\nReports: ${written.join(', ')}\n`);
  if (run.sessionsLeft > 0) {
    io.stderr(
      `atproto-conformance live: warning: ${run.sessionsLeft} session(s) could not be deleted\n`,
    );
  }
  if (run.interrupted) {
    io.stderr('atproto-conformance live: interrupted; sessions deleted, partial report written\n');
    return EXIT_INTERRUPTED;
  }
  const results = run.report.targets.flatMap((t) => t.results);
  if (!run.report.targets.every((t) => t.conformant)) return EXIT.notConformant;
  // A MUST check that never ran did not pass either: a spent budget or a 429 is not a pass.
  const unchecked = results.filter((r) => r.level === 'MUST' && r.status === 'skip');
  if (unchecked.length > 0) {
    io.stderr(
      `atproto-conformance live: ${unchecked.length} MUST check(s) did not run (${unchecked[0]?.message ?? 'skipped'})\n`,
    );
    return EXIT.notConformant;
  }
  return EXIT.ok;
}
