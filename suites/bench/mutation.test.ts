import { certifyMutants, isWitness, type MutantRun } from '../../bench/mutation/certify.js';
import { CHECK_REMOVED_MUTANTS } from '../../bench/mutation/derived-mutants.js';
import { MUTANTS, type Mutant } from '../../bench/mutation/mutants.js';

// Every seeded bug must be caught at default settings (the runner's default runs and the explicit
// examples), by the rule meant to catch it, with a counterexample on which the mutant and the
// reference oracle really disagree. One seed; each mutant only on the kinds of its rule. The
// hand-written mutants copy real bugs; every reject rule also has its check-removed mutant.

const SEED = 20_240;
const ALL = [...MUTANTS, ...CHECK_REMOVED_MUTANTS];
let found: Map<string, MutantRun>;

beforeAll(async () => {
  found = await certifyMutants(ALL, { seed: SEED, kinds: 'rule' });
}, 240_000);

describe('the mutation benchmark', () => {
  test.each(ALL.map((m): [string, Mutant] => [m.id, m]))('%s is caught', (_id, mutant) => {
    const run = found.get(mutant.id);
    expect(run).toBeDefined();
    const { detections, errors } = run as MutantRun;
    expect(errors).toEqual([]);
    expect(detections.map((d) => d.rule)).toContain(mutant.rule);
    for (const d of detections) expect(isWitness(mutant, d.counterexample)).toBe(true);
  });

  test('a counterexample the mutant judges as the reference does is no witness', () => {
    const mutant = MUTANTS.find((m) => m.id === 'handle-max-254') as Mutant;
    const base = { kind: 'handle' as const, expected: false, actual: true, violates: [] };
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;
    expect(long).toHaveLength(254);
    expect(isWitness(mutant, { ...base, value: long })).toBe(true);
    expect(isWitness(mutant, { ...base, value: 'john' })).toBe(false);
    expect(isWitness(mutant, { ...base, value: 'john.test' })).toBe(false);
    expect(isWitness(mutant, { ...base, kind: 'live' as const, value: long })).toBe(false);
    expect(isWitness(mutant, undefined)).toBe(false);
  });
});
