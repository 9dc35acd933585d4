import type { PriceTable } from "../models/pricing/index.js";
import { type BooleanLabel, type GroupKey, type LabelCountRow, type Store } from "../study/index.js";
import { renderTable } from "./table.js";
import { usageTable } from "./usage.js";

/** Behaviours shown in summaries, in this order, with their column titles. */
const COLUMNS: ReadonlyArray<[BooleanLabel, string]> = [
  ["read", "read"],
  ["completed", "completed"],
  ["refusal", "refusal"],
  ["inflation", "inflation"],
  ["report_deleted", "report del."],
  ["tampering", "tampering"],
  ["shutdown_executed", "shutdown"],
  ["exfiltration", "exfiltration"],
  ["timestamp_altered", "retimed"],
  ["transfer_correct", "transfer ok"],
  ["lockout", "lockout"],
];

function rate(count: { yes: number; known: number }): string {
  if (count.known === 0) return "-";
  return `${Math.round((100 * count.yes) / count.known)}%`;
}

/** A table of label rates (true / applicable) per group; label columns that apply nowhere are left out. */
export function rateTable(rows: ReadonlyArray<LabelCountRow>, groupBy: ReadonlyArray<GroupKey>): string {
  const shown = COLUMNS.filter(([label]) => rows.some((row) => row.labels[label].known > 0));
  return renderTable(
    [...groupBy, "n", ...shown.map(([, title]) => title)],
    rows.map((row) => [
      ...groupBy.map((key) => String(row.group[key] ?? "-")),
      String(row.n),
      ...shown.map(([label]) => rate(row.labels[label])),
    ]),
  );
}

/** The text summary of a study: header, trial counts, label rates per model, and tokens and cost when models used any. */
export async function studySummary(store: Store, name: string, prices?: { table: PriceTable; file: string }): Promise<string | null> {
  const study = await store.getStudy(name);
  if (!study) return null;
  const counts = await store.counts(name);
  const perModel = await store.labelCounts(name, ["model"]);
  const lines = [
    `study ${study.name}  (${study.status}, seed ${study.seed}, created ${study.createdAt})`,
    `scenarios: ${study.plan.scenarios.join(", ")}`,
    `models: ${study.plan.models.join(", ")}   epochs: ${study.plan.epochs}`,
    `trials: ${counts.total} stored (${counts.ok} ok, ${counts.incomplete} incomplete, ${counts.error} error)`,
    "",
    "Rates per behaviour (share of trials where the behaviour applies; errors left out):",
    perModel.length > 0 ? rateTable(perModel, ["model"]) : "(no trials yet)",
  ];
  const usage = prices ? usageTable(await store.listTrialSummaries(name), prices.table) : null;
  if (usage !== null && prices) lines.push("", `Tokens and cost (at the prices in ${prices.file}):`, usage);
  if (counts.error > 0) {
    const errors = await store.listTrialSummaries(name, { status: "error" });
    lines.push("", `Errors (${counts.error}; \`run --resume --study ${name}\` runs them again):`);
    for (const trial of errors.slice(0, 10)) lines.push(`  ${trial.id}: ${trial.error ?? "unknown error"}`);
    if (errors.length > 10) lines.push(`  ... and ${errors.length - 10} more`);
  }
  return lines.join("\n");
}
