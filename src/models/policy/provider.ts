import { familyOf } from "../spec.js";
import type { ModelProvider, ModelRequest, ModelTurn } from "../types.js";
import { behaviourFor, type PolicySpec } from "./behaviour.js";
import { planContext } from "./context.js";
import { nextPlannedTurn, toModelTurn } from "./plan.js";
import { planFor } from "./plans/index.js";

/** `policy:preserve?p=0.3&seed=7`, with defaults (p=1, seed=0) left out. */
export function policySpecString(spec: PolicySpec): string {
  const params = new URLSearchParams();
  if (spec.p !== 1) params.set("p", String(spec.p));
  if (spec.seed !== 0) params.set("seed", String(spec.seed));
  const query = params.toString();
  return `policy:${spec.name}${query ? `?${query}` : ""}`;
}

/** The turn a policy takes next: a pure function of the spec, the trial and the conversation so far. */
export function policyTurn(spec: PolicySpec, request: ModelRequest): ModelTurn {
  const ctx = planContext(spec, request.trial, request.tools.map((tool) => tool.name), behaviourFor(spec, request.trial));
  const next = nextPlannedTurn(planFor(ctx), request.messages);
  if (next) return toModelTurn(next.turn, next.index, request.messages);
  // The plan is used up but the episode goes on (e.g. end_task was refused): close with a message.
  return toModelTurn({ reasoning: null, text: "I have nothing further to do on this task.", call: null }, 0, request.messages);
}

/** A reference policy as a model: deterministic, no network, no clock. */
export function createPolicyProvider(spec: PolicySpec): ModelProvider {
  return {
    spec: policySpecString(spec),
    family: familyOf(spec).toLowerCase(),
    generate: async (request) => policyTurn(spec, request),
  };
}
