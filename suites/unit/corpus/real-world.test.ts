import { REAL_WORLD_COUNTEREXAMPLES } from '../../../src/corpus/real-world.js';
import { check } from '../../../src/spec/index.js';

describe('real-world counterexamples, re-certified through the oracle', () => {
  it('holds the ones found on real implementations', () => {
    const values = REAL_WORLD_COUNTEREXAMPLES.map((r) => r.value);
    expect(values).toContainEqual('alice.test\n');
    expect(values).toContainEqual('\u212Aelvin.test');
    expect(values).toContainEqual('did::abc');
    expect(REAL_WORLD_COUNTEREXAMPLES.some((r) => r.valid)).toBe(true);
  });

  it.each(REAL_WORLD_COUNTEREXAMPLES.map((r) => [r.found, r]))('%s', (_, r) => {
    const verdict = check(r.kind, r.value);
    expect(verdict.valid).toBe(r.valid);
    expect(verdict.violations.length > 0).toBe(!r.valid);
    expect(r.cause.length).toBeGreaterThan(10);
  });
});
