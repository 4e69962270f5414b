import { DEFAULT_PASSWORD_ENV } from '../live/redact.js';
import {
  DEFAULT_BUDGET,
  DEFAULT_LIVE_TIMEOUT_MS,
  DEFAULT_NEGATIVE_BUDGET,
  normalizeBaseUrl,
} from '../live/suite.js';
import { type Format, parseFormats } from '../report/write.js';
import { type Io, type parseFlags, parseIntFlag, parseSeed, UsageError } from './common.js';

/* The flags of `live`, checked into a config before any work: one clear line per mistake. */

export const OPTIONS = {
  pds: { type: 'string' },
  local: { type: 'boolean' },
  'rate-limits': { type: 'boolean' },
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

export interface Config {
  readonly local: boolean;
  /** --local only: the reference PDS with its production rate limits on. */
  readonly rateLimits: boolean;
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

export type Values = ReturnType<typeof parseFlags<typeof OPTIONS>>['values'];

export function readConfig(values: Values, io: Io): Config {
  const local = values.local === true;
  if (local === (values.pds !== undefined)) {
    throw new UsageError('give either --pds URL or --local');
  }
  const rateLimits = values['rate-limits'] === true;
  if (rateLimits && !local) {
    throw new UsageError('--rate-limits is for --local; a remote server has its own');
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
    rateLimits,
    passwordEnv,
    outDir: values.out ?? 'reports',
    formats,
    timeoutMs: parseIntFlag('timeout-ms', values['timeout-ms'], 1) ?? DEFAULT_LIVE_TIMEOUT_MS,
    budget: parseIntFlag('budget', values.budget, 1) ?? DEFAULT_BUDGET,
    negativeBudget:
      parseIntFlag('negative-budget', values['negative-budget'], 0) ?? DEFAULT_NEGATIVE_BUDGET,
    seed: parseSeed(values.seed, () => Date.now() % 2 ** 31),
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
