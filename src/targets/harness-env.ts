/*
 * The environment of a `cmd:` harness: an allowlist, never the runner's whole environment. A
 * harness needs a search path, a home, a locale, a temporary folder and a time zone; anything
 * else (cloud keys, tokens, database URLs) could end up in its stderr, and so in the report.
 * More names can be passed on purpose (`--pass-env NAME`).
 */

const ALLOWED = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TMPDIR',
  'TEMP',
  'TMP',
  'TZ',
  'TERM',
  // Windows basics: without them many programs cannot start.
  'SYSTEMROOT',
  'SYSTEMDRIVE',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'USERPROFILE',
]);

function allowed(name: string): boolean {
  const upper = name.toUpperCase();
  return ALLOWED.has(upper) || upper.startsWith('LC_');
}

/** The allowlisted part of `env`, plus the variables named in `pass` that are set. */
export function harnessEnv(
  env: NodeJS.ProcessEnv = process.env,
  pass: readonly string[] = [],
): NodeJS.ProcessEnv {
  const extra = new Set(pass);
  return Object.fromEntries(
    Object.entries(env).filter(
      ([name, value]) => value !== undefined && (allowed(name) || extra.has(name)),
    ),
  );
}

/** A name `--pass-env` accepts: an environment variable name. */
export function isEnvName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
