import { DECODING_MUTANTS } from '../../bench/mutation/decoding-mutants.js';
import { decodingSection } from '../../bench/mutation/report-decoding.js';
import type { MutantSummary } from '../../bench/mutation/summary.js';

const CLASSES = [
  'key matching',
  'case folding',
  'positional decoding',
  'object internals',
  'zero values',
  'lone surrogates',
  'numbers',
  'deep nesting',
  'compound types',
  'record-like shapes',
];

function summary(id: string, technique: string, perSeed: (number | null)[]): MutantSummary {
  return {
    id,
    kind: 'lax',
    rule: 'session.top-level.object',
    technique,
    description: id,
    caught: perSeed.every((n) => n !== null),
    seedsCaught: perSeed.filter((n) => n !== null).length,
    seedsCaughtByRule: 0,
    caughtBy: [],
    casesToDetection: { perSeed },
    falseAlarms: [],
  };
}

describe('decoding-technique mutants', () => {
  it('copy every decoding technique, both lax and strict', () => {
    const techniques = new Set(DECODING_MUTANTS.map((m) => m.technique));
    expect([...techniques]).toEqual(CLASSES);
    expect(new Set(DECODING_MUTANTS.map((m) => m.kind))).toEqual(new Set(['lax', 'strict']));
    const keyMatching = DECODING_MUTANTS.filter((m) => m.technique === 'key matching');
    expect(new Set(keyMatching.map((m) => m.kind))).toEqual(new Set(['lax', 'strict']));
  });

  it('get their own table with the median and maximum cases to detection', () => {
    const lines = decodingSection([
      summary('a', 'numbers', [1, 3, 9]),
      summary('b', 'numbers', [2, null]),
      summary('c', 'deep nesting', [4]),
    ]);
    expect(lines[0]).toBe('## Decoding techniques');
    expect(lines).toContain('| numbers | `a`, `b` (2 / 0) | 1/2 | 2.5 | 9 |');
    expect(lines).toContain('| deep nesting | `c` (1 / 0) | 1/1 | 4 | 4 |');
    expect(lines.at(-1)).toBe('| **all** | 3 | **2/3** | 3 | 9 |');
    expect(decodingSection([])).toEqual([]);
  });
});
