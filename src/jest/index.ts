/**
 * atproto-session-conformance/jest: the rule catalogue as jest tests.
 *
 * ```ts
 * import { describeConformance } from 'atproto-session-conformance/jest';
 * import validator from '../src/my-validator.js';
 *
 * describeConformance(validator, { seed: 42, replayTarget: 'module:./src/my-validator.js' });
 * ```
 *
 * @packageDocumentation
 */
export {
  type DescribeConformanceOptions,
  describeConformance,
  type KnownFailure,
} from './describe.js';
export { type JestApi, resolveJestApi } from './globals.js';
export { failureMessage } from './message.js';
