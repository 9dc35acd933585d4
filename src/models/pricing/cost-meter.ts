import type { ProviderEvent } from "../reliability/events.js";
import { costOf, type PriceTable } from "./price-table.js";

/**
 * Spend so far, from provider call events (cache hits cost nothing), against an optional budget.
 * When the budget is reached, `budgetSignal` aborts: the runner stops starting trials and lets
 * those in flight finish (or aborts them, marking them for resume).
 */
export class CostMeter {
  private spent = 0;
  private readonly unpriced = new Set<string>();
  private readonly controller = new AbortController();

  constructor(
    private readonly table: PriceTable,
    readonly maxCostUsd: number | null = null,
  ) {}

  readonly listener = (event: ProviderEvent): void => {
    if (event.type !== "call" || event.cached) return;
    const cost = costOf(this.table, event.spec, event.usage);
    if (cost === null) {
      this.unpriced.add(event.spec);
      return;
    }
    this.spent += cost;
    if (this.maxCostUsd !== null && this.spent >= this.maxCostUsd && !this.controller.signal.aborted) {
      this.controller.abort(new Error(`budget of $${this.maxCostUsd.toFixed(2)} reached ($${this.spent.toFixed(2)} spent)`));
    }
  };

  get costUsd(): number {
    return this.spent;
  }

  /** Models that were used but have no price in the table: their cost is not counted. */
  get unpricedModels(): string[] {
    return [...this.unpriced];
  }

  get budgetReached(): boolean {
    return this.controller.signal.aborted;
  }

  get budgetSignal(): AbortSignal {
    return this.controller.signal;
  }
}
