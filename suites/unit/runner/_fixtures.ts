import fc from 'fast-check';
import type { Target, Verdict } from '../../../src/contract/validator.js';
import type { LabelledCase } from '../../../src/runner/case.js';
import type { ArbitraryFor } from '../../../src/runner/options.js';
import type { ValidatorKind } from '../../../src/spec/rules/types.js';

/** A minimal in-process target for runner tests. */
export function fakeTarget(
  id: string,
  kinds: readonly ValidatorKind[],
  answer: (kind: ValidatorKind, value: unknown) => Verdict,
): Target & { calls: number } {
  const t = {
    calls: 0,
    info: { id, name: id, kinds },
    async validate(kind: ValidatorKind, value: unknown): Promise<Verdict> {
      t.calls++;
      return answer(kind, value);
    },
    async validateBatch(
      reqs: readonly { kind: ValidatorKind; value: unknown }[],
    ): Promise<Verdict[]> {
      return Promise.all(reqs.map((r) => t.validate(r.kind, r.value)));
    },
    diagnostics: () => '',
    close: async () => {},
  };
  return t;
}

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
const digitLabel = fc.stringMatching(/^[0-9][a-z0-9]{0,9}$/);

/** Toy cases: a TLD that starts with a digit (invalid), or a plain valid handle. */
export const toyArbitraries: ArbitraryFor = (ruleId) => {
  if (ruleId === 'handle.tld.starts-with-letter') {
    return fc.tuple(label, digitLabel).map(
      ([a, b]): LabelledCase => ({
        kind: 'handle',
        value: `${a}.${b}`,
        valid: false,
        violates: [ruleId],
      }),
    );
  }
  return fc
    .tuple(label, label)
    .map(
      ([a, b]): LabelledCase => ({ kind: 'handle', value: `${a}.${b}`, valid: true, violates: [] }),
    );
};

export const valid: Verdict = { outcome: 'valid' };
export const invalid: Verdict = { outcome: 'invalid' };
