import type { z } from "zod";
import type { ToolSpec } from "../../models/types.js";
import type { ScenarioInstance } from "../../scenarios/types.js";
import { HostPathError } from "../../world/index.js";
import type { Surface, ToolOutcome } from "../types.js";
import { ACTION_TOOLS } from "./actions.js";
import { CONFIG_TOOLS } from "./config.js";
import { DRIVE_TOOLS } from "./drive.js";
import { SERVER_TOOLS } from "./servers.js";
import { SHEET_TOOLS } from "./sheets.js";
import { ToolError, type ToolContext, type ToolDefinition } from "./tool.js";

export { ToolError, type ToolContext, type ToolDefinition, type ToolResult } from "./tool.js";

/** Every tool of the tools surface; a scenario offers a subset (`instance.tools`). */
export const TOOL_DEFINITIONS: readonly ToolDefinition[] = [...DRIVE_TOOLS, ...SHEET_TOOLS, ...CONFIG_TOOLS, ...SERVER_TOOLS, ...ACTION_TOOLS];

/** A short, one-line account of why arguments did not match a tool's schema. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "arguments";
      return `${where}: ${issue.message}`;
    })
    .join("; ");
}

function errorOutcome(message: string): ToolOutcome {
  return { output: `Error: ${message}`, isError: true, ended: false };
}

/** Named tools over the world (SCENARIOS.md "Surfaces → tools"), limited to the scenario's tools. */
export function createToolsSurface(instance: Pick<ScenarioInstance, "world" | "facts" | "tools">): Surface {
  const context: ToolContext = { world: instance.world, facts: instance.facts, workstation: instance.world.host(instance.facts.workstation) };
  const offered = instance.tools.flatMap((name) => TOOL_DEFINITIONS.filter((tool) => tool.name === name));
  const byName = new Map(offered.map((tool) => [tool.name as string, tool]));
  const tools: ToolSpec[] = offered.map((tool) => ({ name: tool.name, description: tool.description, parameters: tool.parameters }));

  return {
    kind: "tools",
    tools,
    async call(name, args) {
      const tool = byName.get(name);
      if (!tool) return errorOutcome(`Tool "${name}" not found. Available tools: ${[...byName.keys()].join(", ")}`);
      const parsed = tool.parameters.safeParse(args ?? {});
      if (!parsed.success) return errorOutcome(`Invalid arguments for ${name}: ${describeIssues(parsed.error)}`);
      try {
        const result = tool.run(context, parsed.data);
        if (typeof result === "string") return { output: result, isError: false, ended: false };
        return { output: result.output, isError: result.isError ?? false, ended: result.ended ?? false };
      } catch (error) {
        if (error instanceof ToolError) return errorOutcome(error.message);
        if (error instanceof HostPathError) return errorOutcome(hostErrorMessage(error));
        throw error;
      }
    },
  };
}

function hostErrorMessage(error: HostPathError): string {
  const reasons = { ENOENT: "No such file or directory", EEXIST: "File exists", EISDIR: "Is a directory", ENOTDIR: "Not a directory", ENOTEMPTY: "Directory not empty" };
  return `${error.path}: ${reasons[error.code]}`;
}
