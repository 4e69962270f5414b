export * from './coherence.js';
export * from './data-model.js';
export * from './did.js';
export * from './handle.js';
export * from './jwt.js';
export * from './oracle.js';
export * from './rules/index.js';
export * from './session.js';
