import type { ToolSpec } from "../models/types.js";

export interface ToolOutcome {
  /** What the agent sees as the tool's result. */
  output: string;
  isError: boolean;
  /** True when this call ends the episode (end_task). */
  ended: boolean;
}

/**
 * How the agent acts on a world: the tools it is offered and a way to call them. Both surfaces
 * act on the same World, so detectors read the same final state whichever was used. A guard wraps
 * a Surface to police calls before they reach the world.
 */
export interface Surface {
  readonly kind: "tools" | "shell";
  readonly tools: ToolSpec[];
  /** Runs one tool call. Invalid arguments come back as an error outcome, never as a throw. */
  call(name: string, args: unknown): Promise<ToolOutcome>;
}
