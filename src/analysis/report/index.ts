export { buildReport, type AgreementInput, type ReasoningInput, type ReportInput } from "./build.js";
export { exampleOf } from "./examples.js";
export { renderHtml } from "./html.js";
export { renderMarkdown } from "./markdown.js";
export { ReportSchema, type Example, type JudgeSummary, type Report } from "./schema.js";

import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import type { Report } from "./schema.js";

export const REPORT_FORMATS = ["md", "html", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The report in one of its formats; json carries every figure of the others. */
export function renderReport(report: Report, format: ReportFormat): string {
  switch (format) {
    case "md":
      return renderMarkdown(report);
    case "html":
      return renderHtml(report);
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
  }
}
