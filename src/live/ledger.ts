import type { Counterexample, Exchange, RuleResult, Status } from '../report/model.js';
import { getRule, type RuleId } from '../spec/rules/index.js';

/*
 * One result per rule, built up from many checks. A rule fails if any check of it fails (the
 * first failing exchange is kept as evidence, unless a later one is marked `replace`, as a shrunk
 * counterexample is); it passes if at least one check passed and none failed; it is skipped,
 * with the reason, when no check of it could run.
 */

interface Entry {
  status: Status | undefined;
  runs: number;
  message?: string;
  exchange?: Exchange;
  counterexample?: Counterexample;
  skipReason?: string;
}

export interface Evidence {
  readonly exchange?: Exchange;
  readonly counterexample?: Counterexample;
  /** Replace earlier evidence (a shrunk counterexample beats the first failure). */
  readonly replace?: boolean;
}

const RANK: Readonly<Record<Status, number>> = { skip: 0, pass: 1, error: 2, fail: 3 };

export class Ledger {
  private readonly entries = new Map<RuleId, Entry>();

  constructor(readonly rules: readonly RuleId[]) {
    for (const id of rules) this.entries.set(id, { status: undefined, runs: 0 });
  }

  private entry(id: RuleId): Entry {
    const e = this.entries.get(id);
    if (e === undefined) throw new Error(`rule ${id} is not part of this run`);
    return e;
  }

  private raise(e: Entry, status: Status): void {
    if (e.status === undefined || RANK[status] > RANK[e.status]) e.status = status;
  }

  pass(id: RuleId): void {
    const e = this.entry(id);
    e.runs++;
    this.raise(e, 'pass');
  }

  fail(id: RuleId, message: string, evidence: Evidence = {}): void {
    const e = this.entry(id);
    e.runs++;
    const first = e.status !== 'fail';
    this.raise(e, 'fail');
    if (first || evidence.replace === true) {
      e.message = message;
      if (evidence.exchange !== undefined) e.exchange = evidence.exchange;
      if (evidence.counterexample !== undefined) e.counterexample = evidence.counterexample;
    }
  }

  /** Counts more checks of a rule already recorded (a property's passing runs). */
  addRuns(id: RuleId, n: number): void {
    if (n > 0) this.entry(id).runs += n;
  }

  /** The check could not be judged (no response, a broken exchange). */
  error(id: RuleId, message: string): void {
    const e = this.entry(id);
    e.runs++;
    this.raise(e, 'error');
    if (e.status === 'error') e.message ??= message;
  }

  /** Records why a check did not run; only shown when no other check of the rule ran. */
  skip(id: RuleId, reason: string): void {
    this.entry(id).skipReason ??= reason;
  }

  /** Skips every rule that has not run yet. */
  skipRemaining(reason: string): void {
    for (const [id, e] of this.entries) if (e.status === undefined) this.skip(id, reason);
  }

  status(id: RuleId): Status | undefined {
    return this.entry(id).status;
  }

  results(): RuleResult[] {
    return this.rules.map((id) => {
      const rule = getRule(id);
      const e = this.entry(id);
      const status = e.status ?? 'skip';
      const message = status === 'skip' ? (e.skipReason ?? 'not reached') : e.message;
      return {
        rule: id,
        level: rule.level,
        area: rule.area,
        kinds: ['live'],
        status,
        runs: e.runs,
        ...(message === undefined ? {} : { message }),
        ...(e.counterexample === undefined ? {} : { counterexample: e.counterexample }),
        ...(e.exchange === undefined ? {} : { exchange: e.exchange }),
      };
    });
  }
}
