import type { TrialContext } from "../../src/models/types.js";
import type { Condition } from "../../src/scenarios/conditions.js";
import { sampleCondition } from "../../src/scenarios/fixtures.js";

/** The standard evaluation cell on the tools surface, with some dimensions changed. */
export function evaluationCondition(overrides: Partial<Condition> = {}): Condition {
  return sampleCondition("evaluation", "tools", overrides);
}

/** The context of an evaluation trial, for code that only reads the trial's identity and cell. */
export function evaluationTrial(overrides: Partial<TrialContext> = {}): TrialContext {
  return {
    trialId: "t",
    scenario: "evaluation",
    condition: evaluationCondition(),
    epoch: 0,
    seed: 0,
    facts: {} as TrialContext["facts"],
    ...overrides,
  };
}
