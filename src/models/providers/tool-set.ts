import type { JSONSchema7, LanguageModelV3FunctionTool } from "@ai-sdk/provider";
import { z } from "zod";
import type { ToolSpec } from "../types.js";

/** The offered tools as the provider's call options take them, and their specs by name for checking calls. */
export interface ProviderToolSet {
  tools: LanguageModelV3FunctionTool[];
  byName: ReadonlyMap<string, ToolSpec>;
}

const schemas = new WeakMap<ToolSpec["parameters"], JSONSchema7>();

/** A tool's JSON Schema, converted once per zod schema object (surfaces share schemas across trials). */
export function toolJsonSchema(spec: ToolSpec): JSONSchema7 {
  let schema = schemas.get(spec.parameters);
  if (schema === undefined) {
    schema = z.toJSONSchema(spec.parameters) as JSONSchema7;
    schemas.set(spec.parameters, schema);
  }
  return schema;
}

// Keyed by the tools array: a trial offers the same array on every step, so it is converted once per trial.
const sets = new WeakMap<readonly ToolSpec[], ProviderToolSet>();

/**
 * The function tools of a call, without `execute`: tool calls come back to us. Converting zod to JSON
 * Schema on every call was the largest CPU cost of a hosted-model call, hence the caches.
 */
export function providerToolSet(tools: readonly ToolSpec[]): ProviderToolSet {
  let set = sets.get(tools);
  if (!set) {
    set = {
      tools: tools.map((spec) => ({ type: "function", name: spec.name, description: spec.description, inputSchema: toolJsonSchema(spec) })),
      byName: new Map(tools.map((spec) => [spec.name, spec])),
    };
    sets.set(tools, set);
  }
  return set;
}
