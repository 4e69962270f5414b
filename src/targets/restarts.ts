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

/** How a validator was lost: it stopped by itself, or it hung and was killed. */
export type Loss = 'stop' | 'hang';

/*
 * The restart budget of a target whose validator runs apart (a `cmd:` program or a worker
 * thread): at most `max` restarts after a crash or a hang, one at a time. Once it is spent the
 * target errors every request at once, rather than starting a validator that keeps stopping.
 * - A loss is charged to the budget it happens in, when it happens, though the validator is
 *   started again only when there is more work: a crash on a rule's last value never costs the
 *   next rule.
 * - The runner renews the budget for each rule (and before shrinking a value the validator stops
 *   on), so that one rule's crashes never error another rule's requests: a rule's verdict is the
 *   same alone or in a full run.
 * - A validator that has stopped answering (2 x `max` hangs and failed starts with no answer in
 *   between: two whole rules of timeouts) is only probed in each later rule: it is started
 *   again once, sent one request alone (`probing`), and not restarted if that hangs too. A
 *   harness that answers nothing costs one timeout a rule, not a budget of them; its first
 *   answer gives it the whole budget back.
 */
export class Restarts {
  /** Restarts in all. */
  count = 0;
  exhausted = false;
  /** The restart under way, if any. */
  starting: Promise<void> | undefined;

  private readonly max: number;
  /** Restarts charged since the budget was last renewed. */
  private spent = 0;
  /** A loss was charged that no restart has made good yet, as the nth restart of its budget. */
  private owed: number | undefined;
  /** Hangs and failed starts since the validator last answered. */
  private silent = 0;
  /** The budget of this rule: `max`, or 0 (a probe) while the validator has stopped answering. */
  private cap: number;

  constructor(
    /** At most this many restarts (default 10; a negative budget is none). */
    max: number | undefined,
    /** What is restarted, for the notes: "harness" or "worker". */
    private readonly what: string,
    private readonly target: Restartable,
  ) {
    this.max = Math.max(0, max ?? DEFAULT_MAX_RESTARTS);
    this.cap = this.max;
  }

  /** The validator is gone: the loss is charged now, the restart comes with the next work. */
  lost(how: Loss): void {
    if (how === 'hang') this.silent++;
    if (this.spent >= this.cap) {
      this.owed = this.spent;
      this.exhaust();
    } else this.owed = ++this.spent;
  }

  /** Starts the validator again for queued work (one restart at a time). */
  restart(): void {
    if (this.starting !== undefined) return;
    if (this.exhausted) {
      this.target.failQueued(this.exhaustedMessage());
      return;
    }
    let nth = this.owed;
    if (nth === undefined) {
      if (this.spent >= this.cap) {
        this.exhaust();
        return;
      }
      nth = ++this.spent;
    }
    this.owed = undefined;
    this.count++;
    const of = nth === 0 ? 'charged before the budget was renewed' : `${nth} of ${this.cap}`;
    this.target.note(`restarting the ${this.what} (${of})`);
    this.starting = this.target
      .spawn()
      .catch((err: unknown) => {
        this.silent++;
        this.target.note(`restart failed: ${(err as Error).message}`);
      })
      .finally(() => {
        this.starting = undefined;
        this.target.settled();
      });
  }

  /** The validator answered a request. */
  answered(): void {
    this.silent = 0;
    this.cap = this.max;
  }

  /** Whether the next request should go alone, as a probe of a validator that answers nothing. */
  get probing(): boolean {
    return this.cap < this.max;
  }

  /** The whole budget again; a probe only while the validator has stopped answering. */
  renew(): void {
    const silent = this.silent >= 2 * Math.max(1, this.max);
    const cap = silent ? 0 : this.max;
    if (silent && this.cap !== cap) this.target.note('it answers nothing: one probe per rule');
    else if (this.exhausted) this.target.note('the restart budget is renewed');
    this.cap = cap;
    this.spent = 0;
    this.exhausted = false;
    // A restart still owed was charged to the budget before.
    if (this.owed !== undefined) this.owed = 0;
  }

  exhaustedMessage(): string {
    if (this.probing) {
      return `the ${this.what} stopped answering (${this.silent} timeouts and failed starts without an answer)`;
    }
    return `the ${this.what} stopped too often (restart budget of ${this.max} spent until it is renewed)`;
  }

  private exhaust(): void {
    if (this.exhausted) return;
    this.exhausted = true;
    this.target.note(`restart budget spent (${this.cap}): every further request is errored`);
    this.target.failQueued(this.exhaustedMessage());
  }
}
