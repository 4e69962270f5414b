// jest for TypeScript test files in an ESM project ("type": "module" in package.json).
// Run with: NODE_OPTIONS=--experimental-vm-modules npx jest
export default {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  // Source imports end in `.js` (NodeNext); jest resolves them to the `.ts` files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
};
