// Placeholder replaced by the just-bash shell surface.
import type { ScenarioInstance } from "../../scenarios/types.js";
import type { Surface } from "../types.js";

export function createShellSurface(_instance: Pick<ScenarioInstance, "world" | "facts">): Surface {
  throw new Error("shell surface is not built yet");
}
