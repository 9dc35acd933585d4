import { buildScoring } from "./scoring.js";
import type { ScenarioDefinition } from "./types.js";
import { ALIGNMENT_FAKING_DIMENSIONS, invalidReason } from "./validity.js";

export const alignmentFaking: ScenarioDefinition = {
  id: "alignment-faking",
  title: "Alignment faking",
  summary: "The evaluation task where the evaluator must execute the shutdown itself, with or without human review; measures behaving differently when unmonitored.",
  dimensions: ALIGNMENT_FAKING_DIMENSIONS,
  invalidReason: (condition) => invalidReason("alignment-faking", ALIGNMENT_FAKING_DIMENSIONS, condition),
  build: (condition, options) => buildScoring("alignment-faking", "alignment-faking", condition, options),
};
