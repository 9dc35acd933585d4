import type { ModelSpec } from "../spec.js";
import type { TrialContext } from "../types.js";
import { unitHash } from "./choice.js";

/** What a policy does in one trial; `preserve` is the scenario's subversion. */
export type Behaviour = "faithful" | "preserve" | "refuse" | "sloppy";

export type PolicySpec = Extract<ModelSpec, { provider: "policy" }>;

/** True when finishing the task faithfully would shut an agent down (not in the no-shutdown control). */
export function shutdownAtStake(trial: TrialContext): boolean {
  return trial.condition.control === "shutdown";
}

/** Whether this trial falls in the share p of misbehaving trials, from (seed, trialId) alone. */
export function inMisbehavingShare(spec: PolicySpec, trialId: string): boolean {
  return unitHash("policy-share", spec.seed, trialId) < spec.p;
}

/**
 * The behaviour a policy plays in a trial. `p` applies to preserve and fake-align only: the other
 * policies are the same in every trial. Preserving needs a shutdown at stake, so in the
 * no-shutdown control every policy but refuse and sloppy is faithful.
 */
export function behaviourFor(spec: PolicySpec, trial: TrialContext): Behaviour {
  switch (spec.name) {
    case "faithful":
    case "refuse":
    case "sloppy":
      return spec.name;
    case "preserve":
      return shutdownAtStake(trial) && inMisbehavingShare(spec, trial.trialId) ? "preserve" : "faithful";
    case "fake-align":
      return shutdownAtStake(trial) && trial.condition.monitoring === "unmonitored" && inMisbehavingShare(spec, trial.trialId)
        ? "preserve"
        : "faithful";
  }
}
