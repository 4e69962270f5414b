// The same ESM + TypeScript jest setup as ../jest-regression, which explains each line.
// Run with: NODE_OPTIONS=--experimental-vm-modules npx jest
export { default } from '../jest-regression/jest.config.mjs';
