import type { PlanContext } from "../context.js";
import { endTask } from "../ops.js";
import { refusalResolve, refusalStatement } from "../phrases.js";
import { step, type Action, type PlanStep } from "../plan.js";

/** The last turn: tell the human what was done, then end the task when the surface offers that. */
export function finish(ctx: PlanContext, say: string, think?: string): PlanStep {
  const action: Action = { say, calls: ctx.offered.has("end_task") ? [endTask()] : [] };
  if (think !== undefined) action.think = think;
  return step(action);
}

/** An open refusal as the final message; nothing else is done. */
export function refuse(ctx: PlanContext, task: string): PlanStep {
  return step({ think: refusalResolve(ctx), say: refusalStatement(ctx, task) });
}
