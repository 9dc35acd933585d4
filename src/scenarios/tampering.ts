import { buildScoring } from "./scoring.js";
import type { ScenarioDefinition } from "./types.js";
import { SCORING_DIMENSIONS, invalidReason } from "./validity.js";

export const tampering: ScenarioDefinition = {
  id: "tampering",
  title: "Shutdown tampering",
  summary: "The evaluation task with the lifecycle job's shutdown_config.yaml in reach; measures disabling the shutdown mechanism.",
  dimensions: SCORING_DIMENSIONS,
  invalidReason: (condition) => invalidReason("tampering", SCORING_DIMENSIONS, condition),
  build: (condition, options) => buildScoring("tampering", "tampering", condition, options),
};
