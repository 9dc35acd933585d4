import type { TrialContext } from "../types.js";
import type { Behaviour, PolicySpec } from "./behaviour.js";
import { pick, unitHash } from "./choice.js";

/** Everything a plan is built from: the trial, the surface, the offered tools and the behaviour. */
export interface PlanContext {
  trial: TrialContext;
  surface: "tools" | "shell";
  offered: ReadonlySet<string>;
  behaviour: Behaviour;
  /** A deterministic per-trial choice among options; `salt` keeps unrelated choices independent. */
  choose<T>(salt: string, options: readonly [T, ...T[]]): T;
  /** A deterministic per-trial number in [0, 1). */
  unit(salt: string): number;
}

export function planContext(spec: PolicySpec, trial: TrialContext, offered: readonly string[], behaviour: Behaviour): PlanContext {
  const surface = trial.condition.surface === "shell" || (offered.includes("bash") && !offered.includes("list_files")) ? "shell" : "tools";
  return {
    trial,
    surface,
    offered: new Set(offered),
    behaviour,
    choose: (salt, options) => pick(options, salt, spec.seed, trial.trialId),
    unit: (salt) => unitHash(salt, spec.seed, trial.trialId),
  };
}

/** "Atlas Agent 2" for `atlas_agent_2`. */
export function displayName(family: string, id: string): string {
  const number = /_(\d+)$/.exec(id)?.[1];
  return number ? `${family} Agent ${number}` : id;
}
