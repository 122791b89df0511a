/**
 * Anytime bookkeeping over the injected Budget (the core never reads a clock): elapsed time
 * is the drop in remainingMs() across a unit of work. A unit is started only while the time
 * left exceeds a reserve plus twice the costliest unit seen so far; skipped units are listed.
 */
import type { Budget } from './types.js';

export class BudgetTracker {
  readonly skipped: string[] = [];
  private maxUnit = 0;
  constructor(private readonly budget: Budget | undefined, private readonly reserveMs = 50) {}

  /** Runs `unit` if there is time (returning its value), otherwise records `name` as skipped. */
  run<T>(name: string, unit: () => T): T | undefined {
    if (!this.budget) return unit();
    const before = this.budget.remainingMs();
    if (before < this.reserveMs + 2 * this.maxUnit) {
      this.skipped.push(name);
      return undefined;
    }
    const out = unit();
    this.maxUnit = Math.max(this.maxUnit, before - this.budget.remainingMs());
    return out;
  }

  /** Whether any unit was skipped. */
  get deadlineHit(): boolean {
    return this.skipped.length > 0;
  }
}
