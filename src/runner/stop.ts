import type { RuleResult } from '../report/model.js';
import type { RunOptions } from './options.js';

/**
 * When a run stops early: the caller's signal (an interrupt), or `maxFailures` failing results.
 * `race` lets a target's loop leave a rule in flight at once; what that rule still does is
 * abandoned (its requests end when the caller closes the targets).
 */
export class StopSignal {
  private readonly controller = new AbortController();
  private readonly done: Promise<undefined>;
  private failures = 0;
  private readonly onAbort = (): void => this.controller.abort();

  constructor(private readonly options: Pick<RunOptions, 'signal' | 'maxFailures'>) {
    this.done = new Promise((resolve) => {
      this.controller.signal.addEventListener('abort', () => resolve(undefined), { once: true });
    });
    if (options.signal?.aborted === true) this.controller.abort();
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  /** True when the caller's signal stopped the run (not the failure limit). */
  get interrupted(): boolean {
    return this.options.signal?.aborted === true;
  }

  /** The work's result, or undefined as soon as the run stops. */
  race<T>(work: Promise<T>): Promise<T | undefined> {
    work.catch(() => {}); // A rule abandoned by the stop may still fail: nobody waits for it.
    return Promise.race([work, this.done]);
  }

  /** Failing or erroring results so far. */
  get failed(): number {
    return this.failures;
  }

  count(result: RuleResult): void {
    if (result.status !== 'fail' && result.status !== 'error') return;
    this.failures++;
    const max = this.options.maxFailures;
    if (max !== undefined && this.failures >= max) this.controller.abort();
  }

  dispose(): void {
    this.options.signal?.removeEventListener('abort', this.onAbort);
  }
}
