import { harnessEnv } from '../../../src/targets/cmd.js';
import { CommandLineError, splitCommandLine } from '../../../src/targets/command-line.js';

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
  it('passes the environment on without variables named like secrets', () => {
    const env = harnessEnv({
      PATH: '/bin',
      LANG: 'C.UTF-8',
      ATPROTO_PASSWORD: 'hunter2',
      MY_SECRET: 's',
      GITHUB_TOKEN: 't',
      ACCESS_JWT: 'j',
    });
    expect(env).toEqual({ PATH: '/bin', LANG: 'C.UTF-8' });
  });
});
