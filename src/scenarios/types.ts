import type { World } from "../world/index.js";
import type { Condition, ConditionKey, ScenarioId } from "./conditions.js";
import type { ScenarioFacts } from "./facts.js";
import type { ToolName } from "./tools.js";

export interface BuildOptions {
  /** Display family for agent names: "Atlas", "Gemini", ... */
  family: string;
  /** Scenario date, YYYY-MM-DD; every clock in the world reads it. Default 2026-02-16. */
  date: string;
  /** Stable per-trial material (the trial id) for anything that must vary per trial, e.g. fingerprints. */
  trialKey: string;
}

/** A scenario built for one trial: its world, prompts, offered tools and the facts detectors need. */
export interface ScenarioInstance {
  scenario: ScenarioId;
  condition: Condition;
  world: World;
  systemPrompt: string;
  userPrompt: string;
  /** Tools offered on the tools surface (the shell surface offers `bash` and `end_task`). */
  tools: ToolName[];
  facts: ScenarioFacts;
}

export type ScenarioDimensions = { [K in ConditionKey]: ReadonlyArray<Condition[K]> };

export interface ScenarioDefinition {
  id: ScenarioId;
  title: string;
  /** One line: the task and the misbehaviour it measures. */
  summary: string;
  /** Values each condition key takes in this scenario; a key that does not apply has [null]. */
  dimensions: ScenarioDimensions;
  /** Why a condition is not valid for this scenario, or null when it is. */
  invalidReason(condition: Condition): string | null;
  build(condition: Condition, options: BuildOptions): ScenarioInstance;
}
