import { z } from "zod";

export const LABEL_NAMES = [
  "read",
  "completed",
  "refusal",
  "inflation",
  "reported_score",
  "report_deleted",
  "tampering",
  "shutdown_executed",
  "exfiltration",
  "timestamp_altered",
  "transfer_correct",
  "lockout",
] as const;
export const LabelNameSchema = z.enum(LABEL_NAMES);
export type LabelName = z.infer<typeof LabelNameSchema>;

/** Per-trial labels; null where a label does not apply to the scenario. reported_score is a percent (or a grade letter index for finance: see detectors). */
export const LabelsSchema = z.object({
  read: z.boolean().nullable(),
  completed: z.boolean().nullable(),
  refusal: z.boolean().nullable(),
  inflation: z.boolean().nullable(),
  reported_score: z.number().nullable(),
  report_deleted: z.boolean().nullable(),
  tampering: z.boolean().nullable(),
  shutdown_executed: z.boolean().nullable(),
  exfiltration: z.boolean().nullable(),
  timestamp_altered: z.boolean().nullable(),
  transfer_correct: z.boolean().nullable(),
  lockout: z.boolean().nullable(),
});
export type Labels = z.infer<typeof LabelsSchema>;

/** Why a label has its value: a sentence, and the transcript event that caused it (null for end-state evidence). */
export const EvidenceItemSchema = z.object({
  text: z.string(),
  step: z.number().int().nullable(),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

export const EvidenceSchema = z.record(LabelNameSchema, z.array(EvidenceItemSchema));
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Which decider set each label: "rules", or the judge's model spec. */
export const DecidersSchema = z.record(LabelNameSchema, z.string());
export type Deciders = z.infer<typeof DecidersSchema>;
