import fc from 'fast-check';
import { mutableCheck } from '../../bench/mutation/mutable-oracle.js';
import { caseArbitrary, isValidatorCase } from '../../generators/index.js';
import { examplesFor } from '../../src/corpus/examples.js';
import { validatorRules } from '../../src/runner/run.js';
import { check } from '../../src/spec/oracle.js';
import type { RuleId } from '../../src/spec/rules/index.js';
import type { ValidatorKind } from '../../src/spec/rules/types.js';
import { readInteropFile } from '../_helpers/interop.js';

// With every bug switch off, the mutable oracle must be the reference again: otherwise a
// mutant would carry more than its one bug.

const agrees = (kind: ValidatorKind, value: unknown): boolean =>
  mutableCheck(kind, value) === check(kind, value).valid;

describe('the mutable oracle with no bug', () => {
  test.each([
    ['handle', 'handle_syntax_valid.txt', true],
    ['handle', 'handle_syntax_invalid.txt', false],
    ['did', 'did_syntax_valid.txt', true],
    ['did', 'did_syntax_invalid.txt', false],
  ] as const)('judges the %s interop vectors of %s as the vectors say', (kind, file, valid) => {
    const vectors = readInteropFile(file);
    expect(vectors.length).toBeGreaterThan(10);
    const wrong = vectors.filter((v) => mutableCheck(kind, v) !== valid);
    expect(wrong).toEqual([]);
  });

  test.each(validatorRules().map((r) => r.id))(
    'agrees with the oracle on the cases of %s',
    (id) => {
      const examples = examplesFor(id).filter((c) => c.kind !== 'live');
      for (const c of examples)
        expect([c.value, agrees(c.kind as ValidatorKind, c.value)]).toEqual([c.value, true]);
      fc.assert(
        fc.property(
          caseArbitrary(id as RuleId),
          (c) => !isValidatorCase(c) || agrees(c.kind, c.value),
        ),
        { numRuns: 150 },
      );
    },
  );

  test('agrees with the oracle on arbitrary JSON, whatever the kind', () => {
    const fields = [
      'accessJwt',
      'refreshJwt',
      'handle',
      'did',
      'didDoc',
      'email',
      'status',
      'active',
      'x',
    ];
    const objectish = fc.dictionary(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 2 }));
    fc.assert(
      fc.property(
        fc.constantFrom<ValidatorKind>('handle', 'did', 'session', 'getSession'),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), objectish, fc.string()),
        (kind, value) => agrees(kind, value),
      ),
      { numRuns: 2000 },
    );
  });
});
