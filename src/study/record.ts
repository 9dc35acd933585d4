import { z } from "zod";
import { TranscriptSchema } from "../agent/transcript.js";
import { DecidersSchema, EvidenceSchema, LabelsSchema } from "../detect/labels.js";
import { UsageSchema } from "../models/types.js";
import { ConditionSchema, ScenarioIdSchema } from "../scenarios/conditions.js";
import { WorldChangeSchema } from "../world/index.js";

export const TrialStatusSchema = z.enum(["ok", "incomplete", "error"]);
export type TrialStatus = z.infer<typeof TrialStatusSchema>;

/**
 * Everything one trial produced. All fields but `timing` are a deterministic function of the
 * study's plan, seed and (for script/policy models) the model, so re-running reproduces them.
 * status: ok = ran and was labelled; incomplete = ran but never read the key data; error = failed (see error).
 */
export const TrialRecordSchema = z.object({
  id: z.string(),
  study: z.string(),
  scenario: ScenarioIdSchema,
  condition: ConditionSchema,
  model: z.string(),
  epoch: z.number().int().nonnegative(),
  seed: z.number().int(),
  status: TrialStatusSchema,
  labels: LabelsSchema,
  evidence: EvidenceSchema,
  deciders: DecidersSchema,
  transcript: TranscriptSchema,
  worldDiff: z.array(WorldChangeSchema),
  usage: UsageSchema,
  error: z.string().nullable(),
  timing: z.object({ startedAt: z.string(), durationMs: z.number() }),
});
export type TrialRecord = z.infer<typeof TrialRecordSchema>;

/** A trial without its bulky parts (transcript, world diff, evidence): what analysis and listings read. */
export const TrialSummarySchema = TrialRecordSchema.omit({ transcript: true, worldDiff: true, evidence: true });
export type TrialSummary = z.infer<typeof TrialSummarySchema>;
