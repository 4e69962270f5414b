// Placeholder until the harness server lands; replaced by the harness implementation.
import type { Command } from './common.js';

export const command: Command = {
  name: 'validate',
  summary: 'the reference oracle as a harness',
  help: 'Usage: atproto-conformance validate\n',
  async run(_argv, io) {
    io.stderr('validate: not available yet\n');
    return 2;
  },
};
