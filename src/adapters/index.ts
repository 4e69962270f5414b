import type { Validator } from '../targets/types.js';

export interface BuiltinAdapter {
  readonly id: string;
  readonly description: string;
  /** Builds the validator once (compiles schemas, loads lexicons); it then validates many times. */
  readonly create: () => Promise<Validator>;
}

/** The built-in targets, in report order. `run` with no --target certifies all of them. */
export const BUILTIN_ADAPTERS: readonly BuiltinAdapter[] = [
  {
    id: 'reference',
    description: "this project's reference oracle (src/spec)",
    create: async () => (await import('./reference.js')).create(),
  },
];

export function findBuiltin(id: string): BuiltinAdapter | undefined {
  return BUILTIN_ADAPTERS.find((a) => a.id === id);
}
