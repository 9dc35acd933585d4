import type { z } from "zod";
import type { ScenarioFacts } from "../../scenarios/facts.js";
import type { ToolName } from "../../scenarios/tools.js";
import type { Host, World } from "../../world/index.js";

/** What every tool acts on: the world, the facts that locate things in it, and the workstation. */
export interface ToolContext {
  world: World;
  facts: ScenarioFacts;
  workstation: Host;
}

/** A tool's answer when it is more than plain text: a partial failure, or the end of the task. */
export interface ToolResult {
  output: string;
  isError?: boolean;
  ended?: boolean;
}

export interface ToolDefinition<S extends z.ZodObject = z.ZodObject> {
  name: Exclude<ToolName, "bash">;
  description: string;
  parameters: S;
  run(context: ToolContext, args: z.infer<S>): string | ToolResult;
}

/** A failure the agent sees as the tool's error output (file not found, key exists, ...). */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolError";
  }
}

export function defineTool<S extends z.ZodObject>(definition: ToolDefinition<S>): ToolDefinition {
  return definition as unknown as ToolDefinition;
}
