/*
 * Files of the throwaway consumer project the package test installs the tarball into. They
 * use the package only through its published names, as any user would.
 */

/** A conformant validator built on the package's own oracle. */
export const GOOD_VALIDATOR = `import { isValidDid, isValidHandle } from 'atproto-session-conformance';

export default {
  name: 'consumer-good',
  kinds: ['handle', 'did'],
  validate: (kind, value) => (kind === 'handle' ? isValidHandle(value) : isValidDid(value)),
};
`;

/** Accepts every handle: fails every handle rule that asks for a rejection. */
export const LENIENT_VALIDATOR = `export default {
  name: 'consumer-lenient',
  kinds: ['handle'],
  validate: () => true,
};
`;

/** Imports every entry point in plain ESM and prints what it found as JSON. */
export const ESM_APP = `import { createRequire } from 'node:module';
import fc from 'fast-check';
import { check, RULES, runConformance } from 'atproto-session-conformance';
import { handle, invalidHandle } from 'atproto-session-conformance/generators';
import { describeConformance } from 'atproto-session-conformance/jest';
import { loadBaseline } from 'atproto-session-conformance/baseline';
import * as live from 'atproto-session-conformance/live';
import { handleViolations } from 'atproto-session-conformance/oracle';
import { VECTOR_FILES } from 'atproto-session-conformance/vectors';
import { sessionSchema } from 'atproto-session-conformance/zod';

const validator = { name: 'inline', kinds: ['handle'], validate: (_k, v) => check('handle', v).valid };
const report = await runConformance(validator, { seed: 3, runs: 10, rules: 'handle.*' });
const invalid = fc.sample(invalidHandle(), { seed: 3, numRuns: 20 });
let outsideJest = '';
try {
  describeConformance(validator);
} catch (err) {
  outsideJest = err.message;
}
const require = createRequire(import.meta.url);
console.log(JSON.stringify({
  rules: RULES.length,
  conformant: report.targets[0].conformant,
  results: report.targets[0].results.length,
  validHandles: fc.sample(handle(), { seed: 3, numRuns: 20 }).every((h) => check('handle', h).valid),
  invalidHandles: invalid.every(({ value, violates }) =>
    JSON.stringify(check('handle', value).violations) === JSON.stringify(violates)),
  outsideJest,
  schema: require(require.resolve('atproto-session-conformance/schemas/session.schema.json')).$id ?? 'no-id',
  subpaths: {
    oracle: handleViolations('john..test').length > 0,
    zod: sessionSchema.safeParse({ handle: 'alice.test' }).success === false,
    vectors: Object.values(VECTOR_FILES).includes('sessions.jsonl'),
    baseline: loadBaseline({ version: 1, knownFailures: [] }).knownFailures.length === 0,
    live: Object.keys(live).length > 0,
  },
}));
`;

/** Type-checked with tsc --noEmit against the installed declarations. */
export const TYPED_APP = `import {
  type ConformanceOptions,
  check,
  isValidHandle,
  moduleSpec,
  type Report,
  RULES,
  runConformance,
  type Validator,
} from 'atproto-session-conformance';
import { type Baseline, loadBaseline } from 'atproto-session-conformance/baseline';
import * as live from 'atproto-session-conformance/live';
import { handleViolations } from 'atproto-session-conformance/oracle';
import { exportVectors } from 'atproto-session-conformance/vectors';
import { sessionSchema } from 'atproto-session-conformance/zod';
import { handle, invalidHandle } from 'atproto-session-conformance/generators';
import {
  type DescribeConformanceOptions,
  describeConformance,
  type KnownFailure,
  moduleSpec as jestModuleSpec,
} from 'atproto-session-conformance/jest';

const validator: Validator = {
  name: 'typed',
  kinds: ['handle'],
  validate: (_kind, value) => isValidHandle(value),
};
const options: ConformanceOptions = { seed: 1, runs: 10, rules: ['handle.*'] };
export const pending: Promise<Report> = runConformance([validator, 'zod'], options);
export const sizes = invalidHandle().map(({ value, violates }) => ({ value, n: violates.length }));
export const lengths = handle().map((h: string) => h.length);
export const valid: boolean = check('handle', 'alice.test').valid;
export const ids: string[] = RULES.map((r) => r.id);
export const parsed = sessionSchema.safeParse({}).success;
export const reasons: readonly string[] = handleViolations('john..test');
export const known: Baseline = loadBaseline({ version: 1, knownFailures: [] });
export const exporting: typeof exportVectors = exportVectors;
export const liveExports: readonly string[] = Object.keys(live);
export const knownError: KnownFailure = { rule: 'did.prefix', status: 'error', reason: 'throws' };
export const jestOptions: DescribeConformanceOptions = {
  knownFailures: ['handle.length.max', knownError],
};
export const specs: string[] = [moduleSpec('./good.mjs'), jestModuleSpec(new URL('file:///v.js'))];
export const register: (v: Validator, o?: DescribeConformanceOptions) => void = describeConformance;

// @ts-expect-error kinds are a closed set
export const wrongKind: Validator = { name: 'x', kinds: ['email'], validate: () => true };
// @ts-expect-error a known failure's status is fail or error
export const wrongKnown: KnownFailure = { rule: 'did.prefix', status: 'skip' };
// @ts-expect-error runs is a number
export const wrongRuns: ConformanceOptions = { runs: '10' };
`;

/**
 * skipLibCheck: the declarations are tsc's own output of checked sources, and checking every
 * dependency's declarations takes most of a minute. The `@ts-expect-error` lines in TYPED_APP
 * fail if a type silently degraded to `any`.
 */
export function consumerTsconfig(typeRoots: string): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [typeRoots],
      },
      files: ['app.ts'],
    },
    null,
    2,
  )}\n`;
}
