import type { Command, Io } from './commands/common.js';
import { EXIT, UsageError } from './commands/common.js';
import { TargetStartError } from './contract/validator.js';

// Commands load lazily so `--help` and `rules` start fast.
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.js')).command,
  validate: async () => (await import('./commands/validate.js')).command,
  rules: async () => (await import('./commands/rules.js')).command,
  merge: async () => (await import('./commands/merge.js')).command,
  live: async () => (await import('./commands/live.js')).command,
  'export-vectors': async () => (await import('./commands/export-vectors.js')).command,
};

const SUMMARIES: Record<string, string> = {
  run: 'certify validators against the rule catalogue and write reports',
  validate: 'the reference oracle as a harness (protocol v1 on stdin/stdout)',
  rules: 'print the rule catalogue as a table or JSON',
  merge: 'join the report.json files of a sharded run into one report',
  live: 'check a real PDS (or the local reference PDS): sessions, errors, invalid requests',
  'export-vectors': 'write generated edge cases as test vectors for other languages',
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(SUMMARIES).map((n) => n.length));
  const lines = Object.entries(SUMMARIES).map(([n, s]) => `  ${n.padEnd(width)}  ${s}`);
  return [
    'Usage: atproto-conformance <command> [options]',
    '',
    'Property-based conformance suite for the AT Protocol session object.',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `atproto-conformance <command> --help` for the options of a command.',
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // No command at all is the main job: certify every built-in target.
  const [name, ...rest] = argv.length === 0 ? ['run'] : argv;
  if (name === 'help' && rest[0] !== undefined && COMMANDS[rest[0]] !== undefined) {
    io.stdout((await (COMMANDS[rest[0]] as () => Promise<Command>)()).help);
    return EXIT.ok;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    const { toolVersion } = await import('./util/version.js');
    io.stdout(`${toolVersion()}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    io.stderr(`atproto-conformance: unknown command "${name}" (try --help)\n`);
    return EXIT.usage;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`atproto-conformance ${name}: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof TargetStartError) {
      io.stderr(`atproto-conformance ${name}: ${err.message}\n`);
      return EXIT.targetStart;
    }
    throw err;
  }
}
