#!/usr/bin/env node
// The process entry point: binds the CLI to the real process. Everything else is testable code.
import { main } from './cli.js';
import type { Io } from './commands/common.js';

// A closed pipe (`atproto-conformance rules | head`) is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const controller = new AbortController();
let interrupts = 0;
// The first Ctrl-C asks the command to stop and write what it has; the second exits at once.
process.on('SIGINT', () => {
  interrupts++;
  if (interrupts > 1) {
    process.stderr.write('atproto-conformance: interrupted again, exiting now\n');
    process.exit(130);
  }
  controller.abort();
});

const io: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  stderrIsTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  signal: controller.signal,
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A crash is a bug in this tool: report it, and never exit 0.
    process.stderr.write(
      `atproto-conformance: internal error: ${(err as Error)?.stack ?? String(err)}\n`,
    );
    process.exitCode = 70;
  },
);
