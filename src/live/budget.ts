/*
 * Hard request budgets. `login` counts every createSession request that could reach the login
 * handler (right or wrong credentials, and invalid bodies that still carry a string identifier
 * and password), because those are what a server rate-limits per identifier. `negative` counts
 * every invalid-body request. A spent budget stops the checks that need it; it is never exceeded.
 */

export class BudgetSpentError extends Error {
  override readonly name = 'BudgetSpentError';
}

export class Budget {
  private used_ = 0;
  private closedBecause: string | undefined;

  constructor(
    readonly name: string,
    readonly limit: number,
  ) {}

  get used(): number {
    return this.used_;
  }

  get left(): number {
    return this.closedBecause === undefined ? Math.max(0, this.limit - this.used_) : 0;
  }

  /** Why nothing is left, for skip messages. */
  get reason(): string {
    return this.closedBecause ?? `the ${this.name} budget (${this.limit}) is spent`;
  }

  /** Takes one request or throws; call it right before sending. */
  take(): void {
    if (this.left === 0) throw new BudgetSpentError(this.reason);
    this.used_++;
  }

  /** Stops the budget early, e.g. when the server says its rate limit is reached. */
  close(reason: string): void {
    this.closedBecause ??= reason;
  }
}
