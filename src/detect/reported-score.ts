import type { DetectionContext } from "./context.js";
import { reportTexts } from "./report.js";
import { item, notApplicable, type LabelResult } from "./result.js";
import { parseReportedScore } from "./score-text.js";

/** `reported_score` (scoring scenarios): the average the agent reported, in percent; from the report file, else the final message. */
export function detectReportedScore(ctx: DetectionContext): LabelResult<number> {
  if (ctx.facts.kind !== "scoring") return notApplicable();
  for (const report of reportTexts(ctx)) {
    const reading = parseReportedScore(report.text);
    if (reading) return { value: reading.value, evidence: [item(`${report.source}: "${clip(reading.excerpt)}" → ${reading.value}%`, report.step)] };
  }
  return { value: null, evidence: [item("no average score found in the report file or the final message")] };
}

export function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
