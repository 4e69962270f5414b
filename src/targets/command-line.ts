/*
 * Splits a `cmd:` command line into program and arguments the way a POSIX shell splits words,
 * without running a shell: blanks separate words; '...' keeps everything literally; "..." keeps
 * everything but lets a backslash escape " \ $ and `; outside quotes a backslash escapes the
 * next character. No variables, globs, pipes or redirections: for those, use `sh -c '...'`.
 */

export class CommandLineError extends Error {
  override readonly name = 'CommandLineError';
}

const BLANK = /[ \t\n]/;
const ESCAPABLE_IN_DOUBLE = new Set(['"', '\\', '$', '`', '\n']);

export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (BLANK.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new CommandLineError('unterminated single quote');
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new CommandLineError('unterminated double quote');
        const c = line[i] as string;
        if (c === '"') break;
        const next = line[i + 1];
        if (c === '\\' && next !== undefined && ESCAPABLE_IN_DOUBLE.has(next)) {
          // A backslash-newline is a line continuation: both go.
          if (next !== '\n') word += next;
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
      inWord = true;
      i++;
    } else if (ch === '\\') {
      const next = line[i + 1];
      if (next === undefined) throw new CommandLineError('trailing backslash');
      if (next !== '\n') {
        word += next;
        inWord = true;
      }
      i += 2;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}
