import { summarizeStderr } from '../../../src/targets/harness-process.js';

const NODE_MISSING_MODULE = `node:internal/modules/cjs/loader:1210
  throw err;
  ^

Error: Cannot find module '/x/missing.js'
    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)
    at node:internal/main/run_main_module:28:49 {
  code: 'MODULE_NOT_FOUND',
  requireStack: []
}

Node.js v20.20.2
`;

const PYTHON_TRACEBACK = `Traceback (most recent call last):
  File "/x/harness.py", line 3, in <module>
    import nosuchmod
ModuleNotFoundError: No module named 'nosuchmod'
`;

describe('summarizeStderr', () => {
  it.each([
    ['node, missing module', NODE_MISSING_MODULE, "Error: Cannot find module '/x/missing.js'"],
    ['python traceback', PYTHON_TRACEBACK, "ModuleNotFoundError: No module named 'nosuchmod'"],
    ['go panic', 'goroutine 1 [running]:\npanic: no config\n\nexit status 2\n', 'panic: no config'],
    [
      'a line mentioning an error',
      'starting\nconfig error in line 4\nbye\n',
      'config error in line 4',
    ],
    ['no error words: the last lines', 'one\ntwo\nthree\nfour\n', 'two | three | four'],
    ['blank and punctuation lines', '\n  ^\n\nusage: harness FILE\n\n', 'usage: harness FILE'],
    ['nothing', '\n \n', ''],
  ])('%s', (_name, stderr, summary) => {
    expect(summarizeStderr(stderr)).toBe(summary);
  });

  it('keeps the latest error lines, at most 3 and about 300 characters, on one line', () => {
    const errors = ['Error: a', 'Error: b', 'Error: c', 'Error: d'].join('\n');
    expect(summarizeStderr(errors)).toBe('Error: b | Error: c | Error: d');
    const long = `Error: ${'x'.repeat(200)}\nError: ${'y'.repeat(200)}\n`;
    expect(summarizeStderr(long)).toBe(`Error: ${'y'.repeat(200)}`);
    const huge = summarizeStderr(`Error: ${'z'.repeat(1000)}\r\n`);
    expect(huge).toMatch(/^Error: z+…$/);
    expect(huge.length).toBeLessThanOrEqual(301);
    expect(summarizeStderr('Error: one\r\nError: two\r\n')).not.toMatch(/[\r\n]/);
  });
});
