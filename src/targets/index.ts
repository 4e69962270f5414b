import { BUILTIN_ADAPTERS, findBuiltin } from '../adapters/index.js';
import { type Target, TargetStartError } from '../contract/validator.js';
import { type CmdTargetOptions, createCmdTarget } from './cmd.js';
import { createModuleTarget } from './module.js';
import { createWorkerTarget } from './worker-target.js';

export type { CmdTargetOptions } from './cmd.js';

/**
 * Starts the target a spec names: `module:<path>`, `cmd:<command line>`, or the id of a built-in
 * adapter. `info.id` is the spec exactly as given. Throws TargetStartError when it cannot start.
 */
export async function createTarget(spec: string, options: CmdTargetOptions): Promise<Target> {
  if (spec.startsWith('module:'))
    return createModuleTarget(spec, spec.slice('module:'.length), options);
  if (spec.startsWith('cmd:')) return createCmdTarget(spec, spec.slice('cmd:'.length), options);
  const adapter = findBuiltin(spec);
  if (adapter === undefined) {
    const ids = BUILTIN_ADAPTERS.map((a) => a.id).join(', ');
    throw new TargetStartError(
      `unknown target "${spec}": use a built-in id (${ids}), module:<path> or cmd:<command line>`,
    );
  }
  // Built-in adapters run isolated like module: targets, each in its own worker thread.
  return createWorkerTarget({ builtin: adapter.id, spec }, options);
}
