import { costOf, type PriceTable } from "../models/pricing/index.js";
import type { TrialSummary } from "../study/index.js";
import { dollars } from "./progress.js";
import { renderTable } from "./table.js";

interface UsageRow {
  trials: number;
  input: number;
  output: number;
  reasoning: number;
  /** Null when the model has no price. */
  cost: number | null;
}

function addUsage(row: UsageRow, trial: TrialSummary, cost: number | null): void {
  row.trials += 1;
  row.input += trial.usage.inputTokens;
  row.output += trial.usage.outputTokens;
  row.reasoning += trial.usage.reasoningTokens;
  row.cost = row.cost === null || cost === null ? null : row.cost + cost;
}

/**
 * Tokens per model and for the study, with their cost at the table's prices (answers served from
 * the response cache are counted too: this is what the trials would cost, not what was paid).
 * Null when no trial used a token (script and policy models).
 */
export function usageTable(trials: ReadonlyArray<TrialSummary>, prices: PriceTable): string | null {
  const perModel = new Map<string, UsageRow>();
  const total: UsageRow = { trials: 0, input: 0, output: 0, reasoning: 0, cost: 0 };
  for (const trial of trials) {
    const cost = costOf(prices, trial.model, trial.usage);
    let row = perModel.get(trial.model);
    if (!row) perModel.set(trial.model, (row = { trials: 0, input: 0, output: 0, reasoning: 0, cost: 0 }));
    addUsage(row, trial, cost);
    addUsage(total, trial, cost);
  }
  if (total.input + total.output === 0) return null;
  const cells = (row: UsageRow) => [String(row.trials), String(row.input), String(row.output), String(row.reasoning), row.cost === null ? "no price" : dollars(row.cost)];
  return renderTable(
    ["model", "trials", "input tokens", "output tokens", "reasoning", "cost"],
    [...[...perModel].map(([model, row]) => [model, ...cells(row)]), ["total", ...cells(total)]],
  );
}
