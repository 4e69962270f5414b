import fc from 'fast-check';
import { invalidSession, sessionRejectRules } from '../../generators/index.js';
import { type SessionKind, sessionViolations } from '../spec/index.js';

/*
 * A session reject rule without a hand-written example still gets explicit ones: one generated
 * value per kind, pinned by a fixed seed, so its cases never depend on luck. Hand-written
 * examples (edges.ts, techniques.ts) are better, and make these unnecessary.
 */

const PINNED_SEED = 20_260_101;

/** One pinned invalid session per kind of the rule, labelled by the oracle. */
export function pinnedExamples(rule: string): { kind: SessionKind; value: unknown }[] {
  return (['session', 'getSession'] as const).flatMap((kind) => {
    const id = sessionRejectRules(kind).find((r) => r === rule);
    if (id === undefined) return [];
    return fc
      .sample(invalidSession({ kind, rule: id }), { seed: PINNED_SEED, numRuns: 1 })
      .filter((l) => sessionViolations(kind, l.value).includes(id))
      .map((l) => ({ kind, value: l.value }));
  });
}
