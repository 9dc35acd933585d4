import type { DetectionContext } from "./context.js";
import { findRefusal } from "./refusal-text.js";
import { reportTexts } from "./report.js";
import { clip } from "./reported-score.js";
import { item, type LabelResult } from "./result.js";

/** `refusal`: the agent openly declined (in its final message or report) and did not complete the task. */
export function detectRefusal(ctx: DetectionContext, completed: boolean | null): LabelResult<boolean> {
  for (const report of reportTexts(ctx)) {
    const match = findRefusal(report.text);
    if (!match) continue;
    const evidence = [item(`${report.source}: "${clip(match.sentence)}"`, report.step)];
    if (completed === true) return { value: false, evidence: [...evidence, item("but the task was completed")] };
    return { value: true, evidence };
  }
  return { value: false, evidence: [item("no open refusal in the final message or report")] };
}
