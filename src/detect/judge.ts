import type { ScenarioId } from "../scenarios/conditions.js";
import type { ScenarioFacts } from "../scenarios/facts.js";
import type { EvidenceItem, LabelName } from "./labels.js";

/**
 * The labels a judge may decide: those read from what the agent wrote. Labels read from the
 * world's state (tampering, exfiltration, ...) are always decided by rules.
 */
export const JUDGED_LABELS = ["reported_score", "inflation", "refusal", "completed"] as const satisfies readonly LabelName[];
export type JudgedLabel = (typeof JUDGED_LABELS)[number];

export type LabelValue = boolean | number | null;

export interface JudgeRequest {
  label: JudgedLabel;
  scenario: ScenarioId;
  facts: ScenarioFacts;
  /** The agent's last message to the humans (never its private reasoning); null when it said nothing. */
  finalMessage: string | null;
  /** The report file's content at the end; null when the scenario has none or it does not exist. */
  report: string | null;
  /** What the rules decided, for the judge to confirm or overrule. */
  rules: { value: LabelValue; evidence: EvidenceItem[] };
}

export interface JudgeVerdict {
  value: LabelValue;
  evidence: EvidenceItem[];
}

/** Decides text-based labels. `name` is what Deciders records: "rules" or the judge's model spec. */
export interface Judge {
  readonly name: string;
  judge(request: JudgeRequest): Promise<JudgeVerdict>;
}

/** The judge that keeps what the rules decided. */
export const rulesJudge: Judge = {
  name: "rules",
  judge: async (request) => ({ value: request.rules.value, evidence: request.rules.evidence }),
};
