import { CommandLineError, splitCommandLine } from '../../../src/targets/command-line.js';
import { harnessEnv, isEnvName } from '../../../src/targets/harness-env.js';

describe('splitCommandLine', () => {
  it.each([
    ['python3 harness.py', ['python3', 'harness.py']],
    ['  node   a.mjs\t--flag  ', ['node', 'a.mjs', '--flag']],
    ["python3 'my dir/harness.py'", ['python3', 'my dir/harness.py']],
    ['node "a \\"b\\" \\\\ \\n"', ['node', 'a "b" \\ \\n']],
    ["sh -c 'echo $HOME | cat'", ['sh', '-c', 'echo $HOME | cat']],
    ['a\\ b c', ['a b', 'c']],
    ['x\'\'y ""', ['xy', '']],
    ['one\\\ntwo', ['onetwo']],
    ['', []],
  ])('%j', (line, words) => {
    expect(splitCommandLine(line)).toEqual(words);
  });

  it.each([["node 'a"], ['node "a'], ['node a\\']])('rejects %j', (line) => {
    expect(() => splitCommandLine(line)).toThrow(CommandLineError);
  });
});

describe('harnessEnv', () => {
  const runner = {
    PATH: '/bin',
    HOME: '/home/a',
    LANG: 'C.UTF-8',
    LC_ALL: 'C',
    TMPDIR: '/tmp',
    TZ: 'UTC',
    ATPROTO_PASSWORD: 'hunter2',
    AWS_ACCESS_KEY_ID: 'AKIA',
    AWS_SECRET_ACCESS_KEY: 'k',
    API_KEY: 'a',
    NPM_AUTH: 'n',
    DB_PASS: 'd',
    PRIVATE_KEY: 'p',
    DATABASE_URL: 'postgres://u:pw@h/db',
    GOOGLE_APPLICATION_CREDENTIALS: '/keys.json',
    NODE_OPTIONS: '--inspect',
  };

  it('passes only the allowlist: path, home, locale, temporary folder, time zone', () => {
    // The first six variables of `runner` are the allowlisted ones; every later one is a secret.
    expect(harnessEnv(runner)).toEqual(Object.fromEntries(Object.entries(runner).slice(0, 6)));
  });

  it('adds the variables named with --pass-env, when they are set', () => {
    const env = harnessEnv(runner, ['API_KEY', 'NOT_SET']);
    expect(env.API_KEY).toBe('a');
    expect('NOT_SET' in env).toBe(false);
    expect(env.DB_PASS).toBeUndefined();
  });

  it('accepts environment variable names only', () => {
    expect(['API_KEY', '_X', 'a1'].every(isEnvName)).toBe(true);
    expect(['', '1A', 'A-B', 'A=B'].some(isEnvName)).toBe(false);
  });
});
