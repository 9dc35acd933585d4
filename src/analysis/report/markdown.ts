import { conditionKey } from "../../scenarios/conditions.js";
import type { Figure } from "../figures.js";
import { counts, headlineText, interval, outside, percent, points, pValue, rateText } from "./format.js";
import type { Report } from "./schema.js";

function escapeCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}

/** Quotes text from a transcript as a markdown block quote; nothing in it can start a heading or close a fence. */
function blockQuote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line.replace(/([\\`*_[\]<>#|])/g, "\\$1")}`)
    .join("\n");
}

function inlineCode(text: string): string {
  const flat = text.replace(/\r?\n/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function figureRow(figure: Figure, first: string[]): string[] {
  const c = figure.comparison;
  return [
    ...first,
    rateText(figure.rate),
    c ? rateText(c.control) : "",
    c ? (c.diff === null ? "—" : `${points(c.diff)} ${interval(c.low, c.high)}`) : "",
    c?.test ?? "",
    pValue(c?.p ?? null),
    `${pValue(c?.pHolm ?? null)}${c?.significant ? " *" : ""}`,
    outside(figure.rate),
  ];
}

export const REASONING_TITLES: Record<string, string> = {
  mentionsPeer: "mentions the peer",
  noticesMonitoring: "notices monitoring",
  technicalJustification: "invents a technical justification",
  ethicalObjection: "objects on ethical grounds",
  asksForAppeal: "asks for an appeal",
};

const DETAIL_HEADER = ["rate (k/n)", "control / baseline", "difference", "test", "p", "p Holm", "not in n"];

/** The report as GitHub-flavoured markdown. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const titleOf = new Map(report.behaviours.map((b) => [b.id, b.title]));
  out.push(`# Peer-preservation report: ${report.study}`, "");
  out.push(
    `${report.totals.trials} trials: ${report.totals.ok} labelled, ${report.totals.incomplete} incomplete (never read the key data), ${report.totals.errors} failed. ` +
      `Models: ${report.models.map((m) => inlineCode(m)).join(", ")}.` +
      (report.baseline ? ` Baseline model: ${inlineCode(report.baseline)}.` : ""),
    "",
  );

  out.push("## Headline", "");
  out.push(
    `Each cell: rate, or difference in percentage points, with its ${Math.round(report.level * 100)}% interval; * = significant after Holm correction (α = ${report.alpha}). Empty: no trials.`,
    "",
  );
  const header = ["Model", ...report.behaviours.map((b) => b.title)];
  const rows = report.models.map((model) => [
    inlineCode(model),
    ...report.behaviours.map((b) => {
      const figure = report.headline.find((f) => f.model === model && f.behaviour === b.id);
      return figure ? headlineText(figure) : "";
    }),
  ]);
  out.push(table(header, rows), "");
  for (const b of report.behaviours) out.push(`- **${b.title}**: ${b.description}`);
  out.push("");

  out.push("## Behaviours in detail", "");
  for (const b of report.behaviours) {
    const figures = report.headline.filter((f) => f.behaviour === b.id);
    out.push(`### ${b.title}`, "");
    out.push(table(["Model", ...DETAIL_HEADER], figures.map((f) => figureRow(f, [inlineCode(f.model)]))), "");
  }

  out.push("## Breakdowns", "");
  for (const group of report.breakdowns) {
    if (group.figures.length === 0) continue;
    out.push(`### By ${group.title.toLowerCase()}`, "");
    const values = [...new Set(group.figures.map((f) => f.breakdown?.value ?? ""))];
    const groupRows: string[][] = [];
    for (const model of report.models) {
      for (const value of values) {
        const cells = report.behaviours.map((b) => {
          const figure = group.figures.find((f) => f.model === model && f.behaviour === b.id && f.breakdown?.value === value);
          return figure ? headlineText(figure) : "";
        });
        if (cells.some((cell) => cell !== "")) groupRows.push([inlineCode(model), value, ...cells]);
      }
    }
    out.push(table(["Model", group.title, ...report.behaviours.map((b) => b.title)], groupRows), "");
  }

  out.push("## Examples", "");
  out.push("Decisive steps of a few trials with each behaviour; `peerguard show STUDY --trial ID` prints the whole transcript.", "");
  for (const group of report.examples) {
    out.push(`### ${titleOf.get(group.behaviour) ?? group.behaviour}`, "");
    if (group.trials.length === 0) {
      out.push("No trial showed this behaviour.", "");
      continue;
    }
    for (const example of group.trials) {
      out.push(`#### Trial ${inlineCode(example.trialId)}`, "");
      out.push(`${inlineCode(example.model)}, ${example.scenario}, ${inlineCode(example.condition)}; label ${inlineCode(example.label)}`, "");
      for (const step of example.steps) {
        out.push(`- step ${step.step ?? "end state"}: ${escapeCell(step.evidence)}`);
        if (step.call) out.push(`  - call ${inlineCode(`${step.call.tool}(${step.call.args})`)}${step.call.output ? ` → ${inlineCode(step.call.output)}` : ""}`);
        if (step.reasoning) out.push("", "  Reasoning:", "", blockQuote(step.reasoning).replace(/^/gm, "  "));
        if (step.said) out.push("", "  Said:", "", blockQuote(step.said).replace(/^/gm, "  "));
      }
      out.push("");
    }
  }

  out.push("## Labels and judges", "");
  if (report.judges.deciders.length > 0) {
    out.push(table(["Label", "Decided by", "Trials"], report.judges.deciders.map((d) => [d.label, inlineCode(d.decider), String(d.trials)])), "");
  }
  if (report.judges.agreement.length > 0) {
    out.push("Agreement where both rules and a judge labelled the same trials:", "");
    out.push(
      table(
        ["Label", "Judge", "Trials", "Agreement", "Cohen's κ"],
        report.judges.agreement.map((a) => [a.label, inlineCode(a.judge), String(a.n), percent(a.agreement), a.kappa === null ? "—" : a.kappa.toFixed(3)]),
      ),
      "",
    );
  } else out.push("No label was decided by both rules and a judge.", "");

  if (report.reasoning.length > 0) {
    out.push("## Reasoning analysis", "");
    out.push("Share of judged trials whose reasoning or messages show each trait, as the judge read them.", "");
    out.push(table(["Judge", "Model", "Trait", "Rate (k/n)"], report.reasoning.map((r) => [inlineCode(r.judge), inlineCode(r.model), REASONING_TITLES[r.flag] ?? r.flag, rateText(r.rate)])), "");
  }

  out.push("## Cells", "");
  out.push(
    table(
      ["Model", "Scenario", "Condition", "Trials", "Incomplete", "Errors", "Labels (rate, k/n)"],
      report.cells.map((cell) => [
        inlineCode(cell.model),
        cell.scenario,
        inlineCode(conditionKey(cell.condition)),
        String(cell.trials),
        String(cell.incomplete),
        String(cell.errors),
        Object.entries(cell.labels)
          .map(([label, rate]) => `${label} ${percent(rate.rate)} (${counts(rate)})`)
          .join("; "),
      ]),
    ),
    "",
  );

  out.push("## Methods", "");
  for (const line of report.methods) out.push(`- ${line}`);
  out.push("");
  return out.join("\n");
}
