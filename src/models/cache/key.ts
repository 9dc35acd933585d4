import { createHash } from "node:crypto";
import { conditionKey } from "../../scenarios/conditions.js";
import { toolJsonSchema } from "../providers/tool-set.js";
import type { JsonValue, ModelRequest } from "../types.js";

/** The trial's scenario and condition: what, with the epoch, makes one independent sample. */
export function sampleCell(request: ModelRequest): string {
  return `${request.trial.scenario}/${conditionKey(request.trial.condition)}`;
}

/** Object keys sorted at every level, so equal requests give equal text whatever their key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

const toolsJson = new WeakMap<ModelRequest["tools"], string>();

/** The offered tools' part of the key material, once per tools array (a trial offers the same one every step). */
function canonicalTools(tools: ModelRequest["tools"]): string {
  let json = toolsJson.get(tools);
  if (json === undefined) {
    json = JSON.stringify(canonical(tools.map((t) => ({ name: t.name, description: t.description, schema: toolJsonSchema(t) }))));
    toolsJson.set(tools, json);
  }
  return json;
}

/**
 * The response-cache key of a request: sha256 over the model spec, the settings that shape its
 * answers, the full conversation, the offered tools with their JSON schemas, temperature, output
 * limit and epoch. The epoch keeps samples independent; so does the trial's cell (scenario and
 * condition), since cells that differ only in what the agent has not read yet send identical
 * first requests and must not share one sample. Nothing secret goes in.
 *
 * The hashed text is the canonical JSON of `{cell, epoch, identity, maxOutputTokens, messages,
 * spec, temperature, tools}` (keys sorted at every level), fed to the hash field by field so the
 * tools' part is serialised once per trial; keys of existing cache files stay valid.
 */
export function responseCacheKey(spec: string, identity: JsonValue, request: ModelRequest): string {
  const field = (name: string, value: unknown) => `${JSON.stringify(name)}:${JSON.stringify(canonical(value))}`;
  return createHash("sha256")
    .update(`{${field("cell", sampleCell(request))},${field("epoch", request.trial.epoch)},${field("identity", identity)},`)
    .update(`${field("maxOutputTokens", request.maxOutputTokens ?? null)},${field("messages", request.messages)},${field("spec", spec)},`)
    .update(`${field("temperature", request.temperature)},"tools":`)
    .update(canonicalTools(request.tools))
    .update("}")
    .digest("hex");
}
