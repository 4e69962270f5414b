import type { Validator } from '../contract/validator.js';

export interface BuiltinAdapter {
  readonly id: string;
  readonly description: string;
  /** Builds the validator once (compiles schemas, loads lexicons); it then validates many times. */
  readonly create: () => Promise<Validator>;
}

/** Each built-in target's module, imported only when the target is used. */
const MODULES = {
  reference: () => import('./reference.js'),
  'seed-schema': () => import('./seed-schema.js'),
  'json-schema': () => import('./json-schema.js'),
  zod: () => import('./zod.js'),
  'atproto-syntax': () => import('./atproto-syntax.js'),
  'atproto-lexicon': () => import('./atproto-lexicon.js'),
  atcute: () => import('./atcute.js'),
  'lex-schema': () => import('./lex-schema.js'),
};

type BuiltinId = keyof typeof MODULES;

/** What each built-in target validates with, in report order. */
const DESCRIPTIONS: Readonly<Record<BuiltinId, string>> = {
  reference: "this project's reference oracle (src/spec)",
  'seed-schema': 'the seed JSON Schema (vendor/seed) under ajv; expected to fail',
  'json-schema': "this project's JSON Schemas (schemas/*.schema.json) under ajv",
  zod: "this project's zod schemas (src/schemas/zod.ts)",
  'atproto-syntax': '@atproto/syntax isValidHandle / isValidDid',
  'atproto-lexicon': '@atproto/lexicon with the session lexicons (vendor/lexicons)',
  atcute: '@atcute/lexicons with the @atcute/atproto session schemas',
  'lex-schema': '@atproto/lex-schema object schemas built like `lex build` output',
};

/** The built-in targets, in report order. `run` with no --target certifies all of them. */
export const BUILTIN_ADAPTERS: readonly BuiltinAdapter[] = (
  Object.keys(DESCRIPTIONS) as BuiltinId[]
).map((id) => ({
  id,
  description: DESCRIPTIONS[id],
  create: async () => (await MODULES[id]()).create(),
}));

export function findBuiltin(id: string): BuiltinAdapter | undefined {
  return BUILTIN_ADAPTERS.find((a) => a.id === id);
}
