/**
 * atproto-session-conformance/jest: the rule catalogue as jest tests.
 *
 * ```ts
 * import { describeConformance, moduleSpec } from 'atproto-session-conformance/jest';
 *
 * // The module runs in its own worker thread: a validator that hangs is an error, not a hung run.
 * describeConformance(moduleSpec(new URL('../dist/my-validator.js', import.meta.url)), {
 *   seed: 42,
 *   replayTarget: 'module:./dist/my-validator.js',
 * });
 * ```
 *
 * @packageDocumentation
 */

export { moduleSpec } from '../api/start.js';
export {
  type DescribeConformanceOptions,
  describeConformance,
  type KnownFailure,
} from './describe.js';
export { type JestApi, resolveJestApi } from './globals.js';
export { failureMessage } from './message.js';
