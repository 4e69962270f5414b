import { DEFAULT_MAX_RESTARTS } from './cmd-options.js';

/** What a target lends its restart budget. */
export interface Restartable {
  spawn(): Promise<void>;
  /** Errors every queued request with `message`. */
  failQueued(message: string): void;
  /** Called once a restart has settled, whichever way. */
  settled(): void;
  note(text: string): void;
}

/*
 * The restart budget of a target whose validator runs apart (a `cmd:` program or a worker
 * thread): at most `max` restarts after a crash or a hang, one at a time. Once it is spent the
 * target errors every request at once, rather than starting a validator that keeps stopping.
 * The budget is renewed for each rule, so that one rule's crashes never error another rule's
 * requests (a rule's verdict is the same alone or in a full run). A validator that has never
 * answered a request may crash on every value of the first rules (a harness that cannot take a
 * non-string handle) or not work at all: it gets a new budget for UNANSWERED_RULES rules, then no
 * more, so a broken one cannot cost a full budget of timeouts on every rule.
 */
const UNANSWERED_RULES = 3;

export class Restarts {
  /** Restarts in all. */
  count = 0;
  exhausted = false;
  /** The restart under way, if any. */
  starting: Promise<void> | undefined;

  private readonly max: number;
  /** Restarts since the budget was last renewed. */
  private spent = 0;
  private everAnswered = false;
  /** Rules begun with a budget renewed before any answer. */
  private unansweredRenewals = 0;

  constructor(
    /** At most this many restarts (default 10; a negative budget is none). */
    max: number | undefined,
    /** What is restarted, for the notes: "harness" or "worker". */
    private readonly what: string,
    private readonly target: Restartable,
  ) {
    this.max = Math.max(0, max ?? DEFAULT_MAX_RESTARTS);
  }

  restart(): void {
    if (this.starting !== undefined) return;
    if (this.spent >= this.max) {
      this.exhausted = true;
      this.target.note(`restart budget spent (${this.max}): every further request is errored`);
      this.target.failQueued(this.exhaustedMessage());
      return;
    }
    this.count++;
    this.spent++;
    this.target.note(`restarting the ${this.what} (${this.spent} of ${this.max})`);
    this.starting = this.target
      .spawn()
      .catch((err: unknown) => this.target.note(`restart failed: ${(err as Error).message}`))
      .finally(() => {
        this.starting = undefined;
        this.target.settled();
      });
  }

  /** The validator answered a request. */
  answered(): void {
    this.everAnswered = true;
  }

  /** A new rule begins: the whole budget again (see UNANSWERED_RULES). */
  renew(): void {
    if (this.spent === 0) return;
    if (!this.everAnswered) {
      if (this.unansweredRenewals >= UNANSWERED_RULES - 1) return;
      this.unansweredRenewals++;
    }
    if (this.exhausted) this.target.note('a new rule: the restart budget is renewed');
    this.spent = 0;
    this.exhausted = false;
  }

  exhaustedMessage(): string {
    const why = this.everAnswered
      ? 'until the next rule'
      : `in ${this.unansweredRenewals + 1} rules before it answered anything`;
    return `the ${this.what} stopped too often (restart budget of ${this.max} spent ${why})`;
  }
}
