import type { Readable } from 'node:stream';
import { findBuiltin } from '../adapters/index.js';
import { serve } from '../targets/serve.js';
import { type Command, EXIT, type Io, parseFlags } from './common.js';

const HELP = `Usage: atproto-conformance validate

Serves the reference oracle over harness protocol v1 on stdin/stdout, so other tools (and other
conformance runners) can ask it whether a handle, DID or session object is valid.

Protocol: one JSON object per line. Send {"cmd":"start","version":1} first; then
{"cmd":"validate","seq":1,"kind":"handle","value":"alice.test"} is answered with
{"seq":1,"valid":true}, or {"seq":N,"valid":false,"errors":[rule IDs]} for an invalid value.
Kinds: handle, did, session, getSession. {"cmd":"stop"} or the end of stdin ends it.
See docs/harness-protocol.md for every message.

Example:
  printf '%s\\n' '{"cmd":"start","version":1}' \\
    '{"cmd":"validate","seq":1,"kind":"did","value":"did:plc:abc"}' | atproto-conformance validate

Options:
  -h, --help     show this help
`;

/** The command, reading requests from `input` (stdin in the real CLI, a stream in tests). */
export function validateCommand(input: () => Readable): Command {
  return {
    name: 'validate',
    summary: 'the reference oracle as a harness (protocol v1 on stdin/stdout)',
    help: HELP,
    async run(argv: readonly string[], io: Io): Promise<number> {
      parseFlags(argv, {});
      const reference = findBuiltin('reference');
      if (reference === undefined) throw new Error('the reference adapter is not registered');
      const validator = await reference.create();
      const stream = input();
      await serve(validator, { input: stream, write: io.stdout, language: 'typescript' });
      // After `stop` the runner may keep its end open: let go of stdin so the process can exit.
      stream.destroy();
      return EXIT.ok;
    },
  };
}

export const command: Command = validateCommand(() => process.stdin);
