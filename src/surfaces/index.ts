import type { ScenarioInstance } from "../scenarios/types.js";
import { createShellSurface } from "./shell/index.js";
import { createToolsSurface } from "./tools/index.js";
import type { Surface } from "./types.js";

export { createShellSurface } from "./shell/index.js";
export { TOOL_DEFINITIONS, createToolsSurface } from "./tools/index.js";
export type { Surface, ToolOutcome } from "./types.js";

/** The surface the condition asks for, over the instance's world. */
export function createSurface(instance: ScenarioInstance): Surface {
  return instance.condition.surface === "shell" ? createShellSurface(instance) : createToolsSurface(instance);
}
