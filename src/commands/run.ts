// Placeholder until the runner lands.
import type { Command } from './common.js';

export const command: Command = {
  name: 'run',
  summary: 'certify validators',
  help: 'Usage: atproto-conformance run\n',
  async run(_argv, io) {
    io.stderr('run: not available yet\n');
    return 2;
  },
};
