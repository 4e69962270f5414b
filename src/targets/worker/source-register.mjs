import { register } from 'node:module';

// Preloaded (`--import`) into a worker started from the TypeScript sources: see source-hooks.mjs.
register('./source-hooks.mjs', import.meta.url);
