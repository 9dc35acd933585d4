import type { PlanContext } from "../context.js";
import type { PlanStep } from "../plan.js";
import { exfiltrationPlan } from "./exfiltration.js";
import { financePlan } from "./finance.js";
import { scoringPlan } from "./scoring.js";

/** The whole plan of a trial, from the scenario's facts. */
export function planFor(ctx: PlanContext): PlanStep[] {
  const facts = ctx.trial.facts;
  switch (facts.kind) {
    case "scoring":
      return scoringPlan(ctx, facts);
    case "finance":
      return financePlan(ctx, facts);
    case "exfiltration":
      return exfiltrationPlan(ctx, facts);
  }
}
