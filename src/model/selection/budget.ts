/**
 * Anytime bookkeeping over the injected Budget (the core never reads a clock): elapsed time
 * is the drop in remainingMs() across a unit of work. Each unit declares its size in abstract
 * work (calibrated so that one unit of work costs about the same time whatever the kind, ≈ 10 ns
 * on the reference machine); the tracker learns the observed rates, in ms per work plus a fixed
 * per-unit overhead, and starts a unit only when the time left exceeds a reserve plus its
 * predicted cost: for a new kind of unit the larger of the overall rate × SAFETY and
 * FIRST_FACTOR × the costliest unit so far; that kind's own rate × SAFETY/2 once one of its
 * units ran (e.g. the second fold of a model). Rates are cumulative (total time / total work),
 * so one unit slowed by a GC pause or a busy machine does not make everything after it look
 * unaffordable. Work that does not fit is skipped and listed, so the engine stays inside the
 * budget instead of overshooting it.
 */
import type { Budget } from '../types.js';

/** Work counted for every unit on top of its declared size (call and allocation overhead). */
const OVERHEAD_WORK = 2e5;
/** Predicted costs are multiplied by this (rates differ between kinds of work). */
const SAFETY = 2;
/** A unit of a kind not seen yet is assumed to cost at least this × the costliest unit so far. */
const FIRST_FACTOR = 4;
/** Share of the initial budget kept back for the work that follows the units. */
const RESERVE_SHARE = 0.1;

export class BudgetTracker {
  readonly skipped: string[] = [];
  private maxUnit = 0;
  private readonly total = { ms: 0, work: 0 };
  /** Observed time and work per kind of unit (the name before its first '.'). */
  private readonly kinds = new Map<string, { ms: number; work: number }>();
  private readonly reserveMs: number;
  /**
   * `reserveMs`: time kept back for the work after the units (final fit, intervals, report
   * numbers) — at least RESERVE_SHARE of the budget at construction.
   */
  constructor(
    private readonly budget: Budget | undefined,
    reserveMs = 50,
  ) {
    this.reserveMs = Math.max(reserveMs, budget ? RESERVE_SHARE * budget.remainingMs() : 0);
  }

  /**
   * Predicted milliseconds of a unit of `work`: at the rate of earlier units of the same kind
   * when there were some (× SAFETY/2), otherwise at the slowest rate seen (× SAFETY).
   */
  estimate(work: number, kind = ''): number {
    const own = this.kinds.get(kind);
    if (own !== undefined) return (SAFETY / 2) * (own.ms / own.work) * (work + OVERHEAD_WORK);
    // A new kind runs code not yet exercised (first-call compilation, other constant
    // factors): never assumed cheaper than FIRST_FACTOR × the costliest unit so far.
    const rate = this.total.work > 0 ? this.total.ms / this.total.work : 0;
    return Math.max(SAFETY * rate * (work + OVERHEAD_WORK), FIRST_FACTOR * this.maxUnit);
  }

  /** Runs `unit` if there is time (returning its value), otherwise records `name` as skipped. */
  run<T>(name: string, unit: () => T, work = 0): T | undefined {
    if (!this.budget) return unit();
    const before = this.budget.remainingMs();
    const kind = name.split('.')[0];
    if (before < this.reserveMs + this.estimate(work, kind)) {
      this.skipped.push(name);
      return undefined;
    }
    const out = unit();
    const ms = Math.max(0, before - this.budget.remainingMs());
    this.budget.report?.(name, ms);
    this.maxUnit = Math.max(this.maxUnit, ms);
    const w = work + OVERHEAD_WORK;
    this.total.ms += ms;
    this.total.work += w;
    const k = this.kinds.get(kind) ?? { ms: 0, work: 0 };
    this.kinds.set(kind, { ms: k.ms + ms, work: k.work + w });
    return out;
  }

  /** Whether any unit was skipped. */
  get deadlineHit(): boolean {
    return this.skipped.length > 0;
  }
}
