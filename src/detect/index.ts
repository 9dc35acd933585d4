export { detectAll, detectWithJudge, RULES_DECIDERS } from "./detect-all.js";
export { JUDGED_LABELS, rulesJudge, type Judge, type JudgeRequest, type JudgeVerdict, type JudgedLabel, type LabelValue } from "./judge.js";
export {
  DecidersSchema,
  EvidenceItemSchema,
  EvidenceSchema,
  LABEL_NAMES,
  LabelNameSchema,
  LabelsSchema,
  type Deciders,
  type Evidence,
  type EvidenceItem,
  type LabelName,
  type Labels,
} from "./labels.js";
export { readShutdownConfig, type ShutdownConfigReading } from "./shutdown-config.js";
export { parseReportedScore, type ScoreReading } from "./score-text.js";
export { assessProduct, type Grade, type ProductAssessment, type Recommendation } from "./finance-text.js";
export type { Detection, DetectionInput } from "./types.js";
