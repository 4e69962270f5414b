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
 */
export class Restarts {
  count = 0;
  exhausted = false;
  /** The restart under way, if any. */
  starting: Promise<void> | undefined;

  private readonly max: number;

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
    if (this.count >= this.max) {
      this.exhausted = true;
      this.target.note(`restart budget spent (${this.max}): every further request is errored`);
      this.target.failQueued(this.exhaustedMessage());
      return;
    }
    this.count++;
    this.target.note(`restarting the ${this.what} (${this.count} of ${this.max})`);
    this.starting = this.target
      .spawn()
      .catch((err: unknown) => this.target.note(`restart failed: ${(err as Error).message}`))
      .finally(() => {
        this.starting = undefined;
        this.target.settled();
      });
  }

  exhaustedMessage(): string {
    return `the ${this.what} stopped too often (restart budget of ${this.max} spent)`;
  }
}
