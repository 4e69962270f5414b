import { TargetStartError } from '../contract/validator.js';
import type { CmdTargetOptions } from './cmd-options.js';
import { CmdTarget } from './cmd-target.js';
import { CommandLineError, splitCommandLine } from './command-line.js';

/* `cmd:<command line>`: a program speaking harness protocol v1 or v2 (see cmd-target.ts). */

export {
  type CmdTargetOptions,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_MAX_RESTARTS,
} from './cmd-options.js';
export { CmdTarget } from './cmd-target.js';

/** Parses the command line, starts the program and does the start handshake. */
export async function createCmdTarget(
  spec: string,
  commandLine: string,
  options: CmdTargetOptions,
): Promise<CmdTarget> {
  let argv: string[];
  try {
    argv = splitCommandLine(commandLine);
  } catch (err) {
    if (err instanceof CommandLineError) throw new TargetStartError(`${spec}: ${err.message}`);
    throw err;
  }
  if (argv.length === 0) throw new TargetStartError(`${spec}: no program given after "cmd:"`);
  const target = new CmdTarget(spec, argv, options);
  try {
    await target.spawn();
  } catch (err) {
    await target.close();
    throw new TargetStartError(`${spec}: ${(err as Error).message}`);
  }
  return target;
}
