import { OUTCOME_CODES, type ValidationRequest, type Verdict } from '../contract/validator.js';
import { type LabelledCase, type Outcome, outcomeOf, refused } from './case.js';
import type { CaseChunk } from './generation/chunk.js';

/*
 * One target's verdicts on one rule, judged as they come (examples, then chunk after chunk) and
 * kept only as far as a result needs them: counts, the first verdict, and the first failure and
 * first error (overall, and among generated cases, which are shrunk). An error the runner gave
 * a value it never sent (the restart budget was spent) is no finding: it is kept apart, for a
 * rule whose every error is one.
 */

export type SentCase = LabelledCase & { readonly kind: ValidationRequest['kind'] };

export type Found = Exclude<Outcome, 'agree' | 'skip'>;

/** A case as sent and what the target said: where it came from and its index there. */
export interface Finding {
  readonly c: SentCase;
  readonly source: 'example' | 'generated';
  readonly index: number;
  readonly verdict: Verdict;
  /** 0-based position among the cases sent. */
  readonly position: number;
}

/** A target's answer to the cases of a chunk it supports (outcomes 0 elsewhere). */
export interface ChunkAnswer {
  readonly outcomes: Uint8Array;
  readonly other: ReadonlyMap<number, Verdict>;
}

const VALID: Verdict = { outcome: 'valid' };
const INVALID: Verdict = { outcome: 'invalid' };
const NO_VERDICT: Verdict = { outcome: 'errored', message: 'the target gave no verdict' };

export class Tally {
  readonly first: Partial<Record<Found, Finding>> = {};
  readonly firstGenerated: Partial<Record<Found, Finding>> = {};
  /** The first error for a value never sent. */
  private firstRefused: Finding | undefined;
  skips = 0;
  /** Cases sent, and how many of them were examples. */
  total = 0;
  examples = 0;
  firstVerdict: Verdict | undefined;

  /** The examples sent (with their index in the rule's list) and their verdicts. */
  addExamples(sent: readonly (readonly [SentCase, number])[], verdicts: readonly Verdict[]): void {
    for (const [i, [c, index]] of sent.entries()) {
      const verdict = verdicts[i] ?? NO_VERDICT;
      this.add(outcomeOf(c.valid, verdict), verdict, () => ({ c, source: 'example', index }));
    }
    this.examples += sent.length;
  }

  /** A chunk's answer; `supported[k]` says whether kind index k was sent. */
  addChunk(chunk: CaseChunk, supported: readonly boolean[], answer: ChunkAnswer): void {
    const { outcomes, other } = answer;
    const { kindIndex, valid } = chunk;
    for (let i = 0; i < chunk.count; i++) {
      if (supported[kindIndex[i] as number] !== true) continue;
      const code = outcomes[i];
      const mustAccept = valid[i] === 1;
      let outcome: Outcome;
      if (code === OUTCOME_CODES.valid) outcome = mustAccept ? 'agree' : 'fail';
      else if (code === OUTCOME_CODES.invalid) outcome = mustAccept ? 'fail' : 'agree';
      else outcome = outcomeOf(mustAccept, other.get(i) ?? NO_VERDICT);
      if (outcome === 'agree' && this.total > 0) {
        this.total++;
        continue;
      }
      const verdict =
        code === OUTCOME_CODES.valid
          ? VALID
          : code === OUTCOME_CODES.invalid
            ? INVALID
            : (other.get(i) ?? NO_VERDICT);
      this.add(outcome, verdict, () => ({
        c: chunk.cases()[i] as SentCase,
        source: 'generated',
        index: chunk.start + i,
      }));
    }
  }

  /** The finding a result reports: the first one, or for errors, one never sent if no other. */
  finding(outcome: Found): Finding | undefined {
    return this.first[outcome] ?? (outcome === 'error' ? this.firstRefused : undefined);
  }

  private add(
    outcome: Outcome,
    verdict: Verdict,
    where: () => Pick<Finding, 'c' | 'source' | 'index'>,
  ): void {
    const position = this.total++;
    if (position === 0) this.firstVerdict = verdict;
    if (outcome === 'skip') this.skips++;
    if (outcome !== 'fail' && outcome !== 'error') return;
    if (outcome === 'error' && refused(verdict)) {
      this.firstRefused ??= { ...where(), verdict, position };
      return;
    }
    const wanted = this.first[outcome] === undefined || this.firstGenerated[outcome] === undefined;
    if (!wanted) return;
    const at = where();
    const finding: Finding = { ...at, verdict, position };
    this.first[outcome] ??= finding;
    if (at.source === 'generated') this.firstGenerated[outcome] ??= finding;
  }
}
