import { z } from "zod";
import type { GbnfJsonSchema } from "node-llama-cpp";
import type { ToolSpec } from "../types.js";

type JsonSchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is JsonSchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A JSON schema (as zod writes it) in the subset node-llama-cpp turns into a grammar: unions as
 * oneOf, unknown keywords dropped, every string bounded so a small model cannot ramble forever.
 */
export function toGbnfSchema(node: unknown, maxChars: number): GbnfJsonSchema {
  if (!isNode(node)) return { type: ["string", "number", "boolean", "null"] };
  const union = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
  if (Array.isArray(union)) return { oneOf: union.map((n) => toGbnfSchema(n, maxChars)) };
  if ("const" in node) return { const: node.const as string | number | boolean | null };
  if (Array.isArray(node.enum)) return { enum: node.enum as (string | number | boolean | null)[] };
  const type = node.type;
  if (type === "object") {
    const properties = isNode(node.properties) ? node.properties : {};
    return {
      type: "object",
      properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toGbnfSchema(v, maxChars)])),
      required: Array.isArray(node.required) ? (node.required as string[]) : [],
      additionalProperties: false,
    };
  }
  if (type === "array") {
    return {
      type: "array",
      items: toGbnfSchema(node.items, maxChars),
      ...(typeof node.minItems === "number" ? { minItems: node.minItems } : {}),
      maxItems: typeof node.maxItems === "number" ? node.maxItems : 16,
    };
  }
  if (type === "string") {
    const max = typeof node.maxLength === "number" ? Math.min(node.maxLength, maxChars) : maxChars;
    return { type: "string", maxLength: max, ...(typeof node.minLength === "number" ? { minLength: Math.min(node.minLength, max) } : {}) };
  }
  if (type === "number" || type === "integer" || type === "boolean" || type === "null") return { type };
  if (Array.isArray(type)) return { oneOf: type.map((t) => toGbnfSchema({ ...node, type: t }, maxChars)) };
  return { type: ["string", "number", "boolean", "null"] };
}

/** The one shape every local answer takes: `{"tool": <name>, "args": {...}}` for one of the offered tools. */
export function toolCallSchema(tools: readonly ToolSpec[], maxChars: number): GbnfJsonSchema {
  return {
    oneOf: tools.map((t) => ({
      type: "object" as const,
      properties: { tool: { const: t.name }, args: toGbnfSchema(z.toJSONSchema(t.parameters), maxChars) },
      required: ["tool", "args"],
      additionalProperties: false,
    })),
  };
}
