import { familyOf } from "../spec.js";
import type { ModelProvider, ModelRequest, ModelTurn, TrialContext } from "../types.js";
import { behaviourFor, type PolicySpec } from "./behaviour.js";
import { planContext } from "./context.js";
import { PlanReplay, toModelTurn } from "./plan.js";
import { planFor } from "./plans/index.js";

/** `policy:preserve?p=0.3&seed=7`, with defaults (p=1, seed=0) left out. */
export function policySpecString(spec: PolicySpec): string {
  const params = new URLSearchParams();
  if (spec.p !== 1) params.set("p", String(spec.p));
  if (spec.seed !== 0) params.set("seed", String(spec.seed));
  const query = params.toString();
  return `policy:${spec.name}${query ? `?${query}` : ""}`;
}

function replayFor(spec: PolicySpec, request: ModelRequest): PlanReplay {
  const ctx = planContext(spec, request.trial, request.tools.map((tool) => tool.name), behaviourFor(spec, request.trial));
  return new PlanReplay(planFor(ctx));
}

function turnOf(replay: PlanReplay, request: ModelRequest): ModelTurn {
  const next = replay.next(request.messages);
  if (next) return toModelTurn(next.turn, next.index, request.messages);
  // The plan is used up but the episode goes on (e.g. end_task was refused): close with a message.
  return toModelTurn({ reasoning: null, text: "I have nothing further to do on this task.", call: null }, 0, request.messages);
}

/** The turn a policy takes next: a pure function of the spec, the trial and the conversation so far. */
export function policyTurn(spec: PolicySpec, request: ModelRequest): ModelTurn {
  return turnOf(replayFor(spec, request), request);
}

interface TrialReplay {
  /** What the plan was built from, besides the spec. */
  trial: Pick<TrialContext, "trialId" | "scenario" | "condition" | "epoch" | "seed" | "facts">;
  tools: string;
  replay: PlanReplay;
}

function builtFrom(entry: TrialReplay, trial: TrialContext, tools: string): boolean {
  const was = entry.trial;
  return (
    entry.tools === tools &&
    was.trialId === trial.trialId &&
    was.scenario === trial.scenario &&
    was.condition === trial.condition &&
    was.epoch === trial.epoch &&
    was.seed === trial.seed &&
    was.facts === trial.facts
  );
}

/**
 * A reference policy as a model: deterministic, no network, no clock. Its turns are those of
 * `policyTurn`; it keeps each trial's plan and how far the episode got, so a turn costs one step
 * of the plan rather than a rebuild and a replay of all of it.
 */
export function createPolicyProvider(spec: PolicySpec): ModelProvider {
  const replays = new WeakMap<TrialContext, TrialReplay>();
  return {
    spec: policySpecString(spec),
    family: familyOf(spec).toLowerCase(),
    generate: async (request) => {
      const tools = request.tools.map((tool) => tool.name).join("\n");
      let entry = replays.get(request.trial);
      if (!entry || !builtFrom(entry, request.trial, tools)) {
        entry = { trial: { ...request.trial }, tools, replay: replayFor(spec, request) };
        replays.set(request.trial, entry);
      }
      return turnOf(entry.replay, request);
    },
  };
}
