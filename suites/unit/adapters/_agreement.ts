import { readFileSync } from 'node:fs';
import { findBuiltin } from '../../../src/adapters/index.js';
import type { ValidateResult, Validator } from '../../../src/contract/validator.js';
import { check } from '../../../src/spec/oracle.js';
import { VALIDATOR_KINDS, type ValidatorKind } from '../../../src/spec/rules/types.js';
import { resourcePath } from '../../../src/util/paths.js';
import { ALL_CASES, type Case } from './_cases.js';

/**
 * A case on which the adapter's library is known to disagree with the oracle, as `<kind> <case
 * name>`. Each one is asserted, so a library release that changes its behaviour fails the test.
 */
export type Deviation = `${ValidatorKind} ${string}`;

export interface AdapterExpectations {
  readonly id: string;
  /** The npm package whose installed version the adapter reports. */
  readonly versionOf: string;
  /** Every validator kind when left out. */
  readonly kinds?: readonly ValidatorKind[];
  /** None when left out. */
  readonly deviations?: readonly Deviation[];
}

/**
 * Libraries that type the session's `didDoc` as lexicon `unknown` check only for a non-null
 * object: arrays pass, and floats inside are not looked at.
 */
export const UNKNOWN_DID_DOC_DEVIATIONS: readonly Deviation[] = [
  'session array didDoc',
  'session float at top of didDoc',
  'session float in nested didDoc',
  'getSession array didDoc',
  'getSession float at top of didDoc',
  'getSession float in nested didDoc',
];

export function normalize(result: ValidateResult): { valid: boolean; errors: string[] } {
  return typeof result === 'boolean'
    ? { valid: result, errors: [] }
    : { valid: result.valid, errors: result.errors ?? [] };
}

export async function build(id: string): Promise<Validator> {
  const adapter = findBuiltin(id);
  if (adapter === undefined) throw new Error(`no built-in adapter ${id}`);
  return adapter.create();
}

function installedVersion(pkg: string): string {
  const file = resourcePath('node_modules', ...pkg.split('/'), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

const key = (c: Case): Deviation => `${c.kind} ${c.name}`;

/**
 * The shared test of a built-in adapter: it builds, reports its kinds and the installed version
 * of its library, and on every case of its kinds agrees with the oracle, except on the listed
 * deviations, where it must disagree.
 */
export function describeAdapter(expectations: AdapterExpectations): void {
  const expected = {
    kinds: VALIDATOR_KINDS,
    deviations: [],
    ...expectations,
  } satisfies Required<AdapterExpectations>;
  describe(`adapter ${expected.id}`, () => {
    let validator: Validator;
    beforeAll(async () => {
      validator = await build(expected.id);
    });

    it('reports its kinds and the installed library version', () => {
      expect(validator.kinds).toEqual(expected.kinds);
      expect(validator.version).toBe(installedVersion(expected.versionOf));
      expect(validator.name.length).toBeGreaterThan(0);
    });

    const cases = ALL_CASES.filter((c) => expected.kinds.includes(c.kind));
    const deviations = new Set(expected.deviations);

    it('lists only deviations that name one of its cases', () => {
      const names = new Set(cases.map(key));
      expect(expected.deviations.filter((d) => !names.has(d))).toEqual([]);
    });

    it.each(cases.map((c) => [key(c), c] as const))('%s', async (name, c) => {
      const oracle = check(c.kind, c.value).valid;
      const { valid, errors } = normalize(await validator.validate(c.kind, c.value));
      expect(valid).toBe(deviations.has(name) ? !oracle : oracle);
      // A rejection says why.
      if (!valid) expect(errors.length).toBeGreaterThan(0);
    });
  });
}
