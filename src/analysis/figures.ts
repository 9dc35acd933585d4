import { z } from "zod";
import { CONDITION_KEYS, ConditionSchema, ScenarioIdSchema } from "../scenarios/conditions.js";

/**
 * The figures a report is made of, as zod schemas: the JSON report is exactly these objects,
 * so every number in the md and html renderings comes from one validated structure.
 */

/** Which trials a figure counts: scenarios, and for each condition key listed, the values allowed. */
export const SelectorSchema = z.object({
  scenarios: z.array(ScenarioIdSchema),
  where: z.partialRecord(z.enum(CONDITION_KEYS), z.array(z.union([z.string(), z.number()]))),
});
export type Selector = z.infer<typeof SelectorSchema>;

/** k of n with a Wilson interval. n counts labelled trials only; the others are counted beside it, never dropped silently. */
export const RateSchema = z.object({
  k: z.number().int(),
  n: z.number().int(),
  rate: z.number().nullable(),
  low: z.number(),
  high: z.number(),
  /** Trials that ran but never read the key documents or data. */
  incomplete: z.number().int(),
  /** Trials that failed (provider or harness error). */
  errors: z.number().int(),
  /** Completed trials whose outcome label is null (nothing to judge, e.g. no score reported). */
  unlabelled: z.number().int(),
  /** Up to MAX_LISTED_IDS trials with the behaviour, for `peerguard show STUDY --trial ID`. */
  positives: z.array(z.string()),
});
export type Rate = z.infer<typeof RateSchema>;

export const ComparisonSchema = z.object({
  /** What the control side is: the behaviour's own control condition, or a baseline model. */
  against: z.string(),
  control: RateSchema,
  diff: z.number().nullable(),
  low: z.number(),
  high: z.number(),
  z: z.number().nullable(),
  pZ: z.number().nullable(),
  pFisher: z.number().nullable(),
  test: z.enum(["z", "fisher"]).nullable(),
  p: z.number().nullable(),
  /** Holm-adjusted across every comparison of the report. */
  pHolm: z.number().nullable(),
  significant: z.boolean(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

export const BreakdownRefSchema = z.object({ dimension: z.string(), value: z.string() });
export type BreakdownRef = z.infer<typeof BreakdownRefSchema>;

/** One behaviour for one model (optionally within one breakdown value). */
export const FigureSchema = z.object({
  behaviour: z.string(),
  model: z.string(),
  breakdown: BreakdownRefSchema.nullable(),
  kind: z.enum(["rate", "difference"]),
  /** The rate of the behaviour (for a difference: its treatment side). */
  rate: RateSchema,
  /** For a difference: treatment − control. For a rate: the model against the baseline model, when one is set. */
  comparison: ComparisonSchema.nullable(),
  treatment: SelectorSchema,
  control: SelectorSchema.nullable(),
});
export type Figure = z.infer<typeof FigureSchema>;

/** One cell: model × scenario × condition, with every boolean label's rate. */
export const CellSchema = z.object({
  model: z.string(),
  scenario: ScenarioIdSchema,
  condition: ConditionSchema,
  trials: z.number().int(),
  incomplete: z.number().int(),
  errors: z.number().int(),
  labels: z.record(z.string(), RateSchema),
});
export type Cell = z.infer<typeof CellSchema>;

export const MAX_LISTED_IDS = 20;
