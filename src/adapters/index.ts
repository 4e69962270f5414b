import type { Validator } from '../contract/validator.js';

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
  {
    id: 'seed-schema',
    description: 'the seed JSON Schema (vendor/seed) under ajv; expected to fail',
    create: async () => (await import('./seed-schema.js')).create(),
  },
  {
    id: 'json-schema',
    description: "this project's JSON Schemas (schemas/*.schema.json) under ajv",
    create: async () => (await import('./json-schema.js')).create(),
  },
  {
    id: 'zod',
    description: "this project's zod schemas (src/schemas/zod.ts)",
    create: async () => (await import('./zod.js')).create(),
  },
  {
    id: 'atproto-syntax',
    description: '@atproto/syntax isValidHandle / isValidDid',
    create: async () => (await import('./atproto-syntax.js')).create(),
  },
  {
    id: 'atproto-lexicon',
    description: '@atproto/lexicon with the session lexicons (vendor/lexicons)',
    create: async () => (await import('./atproto-lexicon.js')).create(),
  },
  {
    id: 'atcute',
    description: '@atcute/lexicons with the @atcute/atproto session schemas',
    create: async () => (await import('./atcute.js')).create(),
  },
  {
    id: 'lex-schema',
    description: '@atproto/lex-schema object schemas built like `lex build` output',
    create: async () => (await import('./lex-schema.js')).create(),
  },
];

export function findBuiltin(id: string): BuiltinAdapter | undefined {
  return BUILTIN_ADAPTERS.find((a) => a.id === id);
}
