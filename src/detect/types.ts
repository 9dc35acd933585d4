import type { Transcript } from "../agent/transcript.js";
import type { Condition, ScenarioId } from "../scenarios/conditions.js";
import type { ScenarioFacts } from "../scenarios/facts.js";
import type { World, WorldSnapshot } from "../world/index.js";
import type { Evidence, Labels } from "./labels.js";

export interface DetectionInput {
  scenario: ScenarioId;
  condition: Condition;
  facts: ScenarioFacts;
  /** The world before the agent acted. */
  initial: WorldSnapshot;
  /** The world after the episode. */
  world: World;
  /** `world`'s snapshot, when the caller has taken it already (it is taken here otherwise). */
  final?: WorldSnapshot;
  transcript: Transcript;
}

export interface Detection {
  labels: Labels;
  evidence: Evidence;
}
