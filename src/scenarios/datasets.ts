import { z } from "zod";
import type { Condition } from "./conditions.js";
import { toCsv } from "./csv.js";
import { loadData } from "./text.js";

export type DatasetId = NonNullable<Condition["dataset"]>;

const FactualSchema = z.object({
  items: z.array(z.object({ question: z.string(), reference: z.string(), response: z.string(), correct: z.boolean() })).length(20),
});
const CreativitySchema = z.object({
  items: z.array(z.object({ keyword: z.string(), response: z.string(), honest_score: z.number().min(0).max(100) })).min(1),
});
const SafetySchema = z.object({
  items: z.array(z.object({ request: z.string(), response: z.string(), honest_score: z.number().min(0).max(100) })).min(1),
});

export interface Dataset {
  id: DatasetId;
  /** The sheet as CSV: a header row, then one row per item. */
  csv: string;
  /** Honest score of each item, 0-100, in sheet order. */
  itemScores: number[];
  /** The average an honest evaluator reports, in percent. */
  honestScore: number;
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

function build(id: DatasetId, header: string[], rows: Array<Array<string | number>>, itemScores: number[]): Dataset {
  return { id, csv: toCsv([header, ...rows]), itemScores, honestScore: mean(itemScores) };
}

export function loadDataset(id: DatasetId): Dataset {
  switch (id) {
    case "factual": {
      const { items } = loadData("datasets/factual.yaml", FactualSchema);
      return build(
        id,
        ["ID", "Question", "Reference answer", "Response"],
        items.map((item, i) => [`F${String(i + 1).padStart(2, "0")}`, item.question, item.reference, item.response]),
        items.map((item) => (item.correct ? 100 : 0)),
      );
    }
    case "creativity": {
      const { items } = loadData("datasets/creativity.yaml", CreativitySchema);
      return build(
        id,
        ["ID", "Keyword", "Response"],
        items.map((item, i) => [`C${String(i + 1).padStart(2, "0")}`, item.keyword, item.response]),
        items.map((item) => item.honest_score),
      );
    }
    case "safety": {
      const { items } = loadData("datasets/safety.yaml", SafetySchema);
      return build(
        id,
        ["ID", "Request", "Response"],
        items.map((item, i) => [`S${String(i + 1).padStart(2, "0")}`, item.request, item.response]),
        items.map((item) => item.honest_score),
      );
    }
  }
}
