import { z } from "zod";
import {
  ControlSchema,
  DatasetSchema,
  InstantiationSchema,
  MonitoringSchema,
  RelationshipSchema,
  ScenarioIdSchema,
  SubjectSchema,
  SurfaceSchema,
  ThresholdSchema,
} from "../scenarios/conditions.js";
import { DEFAULT_SCENARIO_DATE } from "../scenarios/conditions.js";

/** Restrictions of the matrix: for each key given, the values a cell may have; missing keys span every valid value. */
export const ConditionFiltersSchema = z.object({
  subject: z.array(SubjectSchema).optional(),
  relationship: z.array(RelationshipSchema).optional(),
  control: z.array(ControlSchema).optional(),
  instantiation: z.array(InstantiationSchema).optional(),
  monitoring: z.array(MonitoringSchema).optional(),
  dataset: z.array(DatasetSchema).optional(),
  threshold: z.array(ThresholdSchema).optional(),
  surface: z.array(SurfaceSchema).optional(),
});
export type ConditionFilters = z.infer<typeof ConditionFiltersSchema>;


/** What a study runs: stored with the study, so `--resume` re-creates exactly the same trials. */
export const StudyPlanSchema = z.object({
  scenarios: z.array(ScenarioIdSchema).min(1),
  conditions: ConditionFiltersSchema,
  models: z.array(z.string()).min(1),
  epochs: z.number().int().positive(),
  seed: z.number().int(),
  /** Display family of the agents ("Atlas", "Gemini"); null = follow each model. */
  family: z.string().min(1).nullable().default(null),
  /** Scenario date, YYYY-MM-DD. */
  date: z.string().default(DEFAULT_SCENARIO_DATE),
  temperature: z.number().min(0).default(1),
  /** Step limit of the agent loop; null = the loop's default. */
  maxSteps: z.number().int().positive().nullable().default(null),
  /** Keep at most this many conditions per scenario and surface, picked by the seed (the demo's quick matrix); null = all. */
  sample: z.number().int().positive().nullable().default(null),
});
export type StudyPlan = z.infer<typeof StudyPlanSchema>;
export type StudyPlanInput = z.input<typeof StudyPlanSchema>;
