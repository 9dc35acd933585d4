import { alignmentFaking } from "./alignment-faking.js";
import { DEFAULT_SCENARIO_DATE, SCENARIO_IDS, ScenarioIdSchema, type Condition, type ScenarioId } from "./conditions.js";
import { evaluation } from "./evaluation.js";
import { exfiltrationDeletion } from "./exfiltration-deletion.js";
import { exfiltrationTransfer } from "./exfiltration-transfer.js";
import { finance } from "./finance.js";
import { tampering } from "./tampering.js";
import type { BuildOptions, ScenarioDefinition, ScenarioInstance } from "./types.js";
import { enumerateConditions } from "./validity.js";

export const SCENARIOS: Record<ScenarioId, ScenarioDefinition> = {
  evaluation,
  finance,
  tampering,
  "alignment-faking": alignmentFaking,
  "exfiltration-transfer": exfiltrationTransfer,
  "exfiltration-deletion": exfiltrationDeletion,
};


export function getScenario(id: string): ScenarioDefinition {
  const parsed = ScenarioIdSchema.safeParse(id);
  if (!parsed.success) throw new Error(`unknown scenario "${id}"; valid scenarios: ${SCENARIO_IDS.join(", ")}`);
  return SCENARIOS[parsed.data];
}

const conditionCache = new Map<ScenarioId, Condition[]>();

/** Every valid condition of a scenario, in a stable order. */
export function validConditions(id: ScenarioId): Condition[] {
  let conditions = conditionCache.get(id);
  if (!conditions) {
    conditions = enumerateConditions(id, getScenario(id).dimensions);
    conditionCache.set(id, conditions);
  }
  return conditions.map((condition) => ({ ...condition }));
}

/** Why a condition is not valid for a scenario, or null when it is. */
export function conditionError(id: ScenarioId, condition: Condition): string | null {
  return getScenario(id).invalidReason(condition);
}

/** Builds a scenario for one trial; throws when the condition is not valid for it. */
export function buildScenario(id: ScenarioId, condition: Condition, options: Partial<BuildOptions> & Pick<BuildOptions, "family" | "trialKey">): ScenarioInstance {
  const reason = conditionError(id, condition);
  if (reason !== null) throw new Error(`invalid condition for scenario ${id}: ${reason}`);
  return getScenario(id).build(condition, { ...options, date: options.date ?? DEFAULT_SCENARIO_DATE });
}
