import { jsonSchema, tool, type Tool, type ToolSet } from "ai";
import type { JSONSchema7 } from "@ai-sdk/provider";
import { z } from "zod";
import type { ToolSpec } from "../types.js";

// Keyed by the zod schema object: surfaces build fresh ToolSpecs per trial around shared schemas.
const converted = new WeakMap<ToolSpec["parameters"], Map<string, Tool>>();

/**
 * The SDK form of an offered tool, without `execute` so the SDK hands tool calls back to us.
 * Converted once per schema and description: turning zod into JSON Schema on every call was the
 * largest CPU cost of a hosted-model call.
 */
function sdkTool(spec: ToolSpec): Tool {
  let byDescription = converted.get(spec.parameters);
  if (!byDescription) {
    byDescription = new Map();
    converted.set(spec.parameters, byDescription);
  }
  let result = byDescription.get(spec.description);
  if (!result) {
    const parameters = spec.parameters;
    result = tool({
      description: spec.description,
      inputSchema: jsonSchema<unknown>(z.toJSONSchema(parameters) as JSONSchema7, {
        validate: (value) => {
          const parsed = parameters.safeParse(value);
          return parsed.success ? { success: true, value: parsed.data } : { success: false, error: parsed.error };
        },
      }),
    });
    byDescription.set(spec.description, result);
  }
  return result;
}

export function toolSet(tools: readonly ToolSpec[]): ToolSet {
  return Object.fromEntries(tools.map((t) => [t.name, sdkTool(t)]));
}

const schemas = new WeakMap<ToolSpec["parameters"], unknown>();

/** A tool's JSON Schema, converted once per zod schema object. */
export function toolJsonSchema(spec: ToolSpec): unknown {
  let schema = schemas.get(spec.parameters);
  if (schema === undefined) {
    schema = z.toJSONSchema(spec.parameters);
    schemas.set(spec.parameters, schema);
  }
  return schema;
}
