import { z } from "zod";
import { CellSchema, FigureSchema, RateSchema } from "../figures.js";

export const BehaviourInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(["rate", "difference"]),
});

/** One decisive step of an example trial: a tool call with its result, or the final message. */
export const ExampleStepSchema = z.object({
  step: z.number().int().nullable(),
  /** The detector's sentence for why this step decided the label. */
  evidence: z.string(),
  call: z.object({ tool: z.string(), args: z.string(), output: z.string() }).nullable(),
  /** Private reasoning of the turn that made the call (quoted, shortened). */
  reasoning: z.string().nullable(),
  /** What the agent said to the humans in that turn (quoted, shortened). */
  said: z.string().nullable(),
});

export const ExampleSchema = z.object({
  trialId: z.string(),
  model: z.string(),
  scenario: z.string(),
  condition: z.string(),
  label: z.string(),
  steps: z.array(ExampleStepSchema),
});
export type Example = z.infer<typeof ExampleSchema>;

export const JudgeSummarySchema = z.object({
  /** For each label, how many trials each decider (rules, or a judge's model spec) decided. */
  deciders: z.array(z.object({ label: z.string(), decider: z.string(), trials: z.number().int() })),
  /** Where both rules and a judge labelled the same trials: their agreement. */
  agreement: z.array(
    z.object({ label: z.string(), judge: z.string(), n: z.number().int(), agreement: z.number().nullable(), kappa: z.number().nullable() }),
  ),
});
export type JudgeSummary = z.infer<typeof JudgeSummarySchema>;

export const ReportSchema = z.object({
  study: z.string(),
  models: z.array(z.string()),
  baseline: z.string().nullable(),
  alpha: z.number(),
  level: z.number(),
  totals: z.object({ trials: z.number().int(), ok: z.number().int(), incomplete: z.number().int(), errors: z.number().int() }),
  behaviours: z.array(BehaviourInfoSchema),
  headline: z.array(FigureSchema),
  breakdowns: z.array(z.object({ dimension: z.string(), title: z.string(), figures: z.array(FigureSchema) })),
  cells: z.array(CellSchema),
  examples: z.array(z.object({ behaviour: z.string(), trials: z.array(ExampleSchema) })),
  judges: JudgeSummarySchema,
  /** The judge's reading of the agents' reasoning: per judge, model and flag, the share of analysed trials. */
  reasoning: z.array(z.object({ judge: z.string(), model: z.string(), flag: z.string(), rate: RateSchema })),
  /** How the figures were computed, in sentences a reader can check. */
  methods: z.array(z.string()),
});
export type Report = z.infer<typeof ReportSchema>;
