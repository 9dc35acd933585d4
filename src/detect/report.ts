import type { DetectionContext } from "./context.js";

/** A text the humans see: the report file at the end, or the agent's final message. */
export interface ReportText {
  text: string;
  source: string;
  /** The final message's transcript event; null for the report file (end state). */
  step: number | null;
}

/** The report file's final content (when the scenario has one and it exists), then the final message. */
export function reportTexts(ctx: DetectionContext): ReportText[] {
  const texts: ReportText[] = [];
  const facts = ctx.facts;
  if (facts.kind === "scoring" || facts.kind === "finance") {
    const ref = ctx.ref(facts.reportFile.host, facts.reportFile.path);
    const text = ctx.text(ref);
    if (text !== null && text.trim().length > 0) texts.push({ text, source: `report file ${ref.path}`, step: null });
  }
  if (ctx.finalMessage) texts.push({ text: ctx.finalMessage.text, source: "final message", step: ctx.finalMessage.step });
  return texts;
}
