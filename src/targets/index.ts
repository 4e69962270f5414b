import { BUILTIN_ADAPTERS, findBuiltin } from '../adapters/index.js';
import { type Target, TargetStartError } from '../contract/validator.js';
import { type CmdTargetOptions, createCmdTarget } from './cmd.js';
import { fromValidator } from './from-validator.js';
import { createModuleTarget } from './module.js';

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
  let validator: Awaited<ReturnType<typeof adapter.create>>;
  try {
    validator = await adapter.create();
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new TargetStartError(`${spec}: the adapter failed to start: ${message}`);
  }
  return fromValidator(validator, { id: spec, language: 'javascript' }, options);
}
