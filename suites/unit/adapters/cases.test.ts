import { check } from '../../../src/spec/oracle.js';
import { ALL_CASES, SYNTAX_CASES } from './_cases.js';

// The hand-picked cases are test data: check that the boundary ones are what their names say.
describe('hand-picked adapter cases', () => {
  const lengthOf = (name: string, kind: string): number => {
    const c = SYNTAX_CASES.find((x) => x.name === name && x.kind === kind);
    return typeof c?.value === 'string' ? c.value.length : -1;
  };

  it('put the length boundaries exactly on the limits', () => {
    expect(lengthOf('exactly 253 chars', 'handle')).toBe(253);
    expect(lengthOf('254 chars', 'handle')).toBe(254);
    expect(lengthOf('exactly 2048 chars', 'did')).toBe(2048);
    expect(lengthOf('2049 chars', 'did')).toBe(2049);
  });

  it('hold valid and invalid values of every kind', () => {
    for (const kind of ['handle', 'did', 'session', 'getSession'] as const) {
      const verdicts = ALL_CASES.filter((c) => c.kind === kind).map((c) => check(kind, c.value));
      expect(verdicts.some((v) => v.valid)).toBe(true);
      expect(verdicts.some((v) => !v.valid)).toBe(true);
    }
  });
});
