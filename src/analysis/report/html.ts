import { conditionKey } from "../../scenarios/conditions.js";
import type { Figure } from "../figures.js";
import { counts, headlineText, interval, outside, percent, plotted, points, pValue, rateText } from "./format.js";
import { REASONING_TITLES } from "./markdown.js";
import type { Report } from "./schema.js";
import { barChart, escapeXml as esc, heatmap, type Bar, type HeatCell } from "./svg.js";

const STYLE = `
body { font: 14px/1.45 "DejaVu Sans", Arial, sans-serif; color: #1d1d1f; margin: 24px auto; max-width: 1180px; padding: 0 16px; }
h1 { font-size: 24px; margin-bottom: 4px; } h2 { margin-top: 36px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { margin-top: 24px; } table { border-collapse: collapse; margin: 8px 0 16px; font-size: 12.5px; }
th, td { border: 1px solid #d6d6d6; padding: 4px 7px; text-align: left; vertical-align: top; }
th { background: #f4f4f6; } td.num { text-align: right; white-space: nowrap; } code { font-size: 12px; background: #f4f4f6; padding: 0 3px; border-radius: 3px; }
.sig { font-weight: bold; } .muted { color: #666; } .charts { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 12px 28px; }
.chart { display: block; margin: 8px 0; max-width: 100%; height: auto; } .chart text { font-family: "DejaVu Sans", Arial, sans-serif; }
.chart-title { font-size: 13px; font-weight: bold; fill: #1d1d1f; } .tick { font-size: 10px; fill: #666; }
.bar-label { font-size: 11.5px; fill: #1d1d1f; } .value { font-size: 11.5px; fill: #1d1d1f; } .no-data { font-size: 11px; fill: #888; font-style: italic; }
.grid { stroke: #e6e6e6; } .zero { stroke: #888; } .bar.pos { fill: #d9776f; } .bar.neg { fill: #6f95d9; } .bar.sig { stroke: #5a1010; stroke-width: 1.2; }
.whisker { stroke: #222; stroke-width: 1.4; } .heat { stroke: #fff; } .heat-text { font-size: 11.5px; fill: #1d1d1f; } .heat-text.dark { fill: #fff; }
.col-label { font-size: 11.5px; font-weight: bold; fill: #1d1d1f; }
blockquote { margin: 6px 0 6px 12px; padding: 4px 10px; border-left: 3px solid #c9c9d1; background: #fafafb; white-space: pre-wrap; font-size: 12.5px; }
.example { border: 1px solid #e2e2e6; border-radius: 6px; padding: 8px 14px; margin: 10px 0; } .example h4 { margin: 4px 0; }
details summary { cursor: pointer; font-weight: bold; margin: 8px 0; }
`;

function code(text: string): string {
  return `<code>${esc(text)}</code>`;
}

function short(model: string, limit = 42): string {
  return model.length <= limit ? model : `${model.slice(0, limit - 1)}…`;
}

function tableHtml(header: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string {
  const head = `<tr>${header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((cell, i) => `<td${numeric.has(i) ? ' class="num"' : ""}>${cell}</td>`).join("")}</tr>`).join("");
  return `<table>${head}${body}</table>`;
}

function noDataNote(figure: Figure): string {
  const missing = outside(figure.rate);
  if (figure.rate.n === 0) return missing || "no trials";
  return figure.comparison && figure.comparison.control.n === 0 ? "no control trials" : missing || "no data";
}

function bar(figure: Figure, label: string): Bar {
  const point = plotted(figure);
  const significant = figure.comparison?.significant ?? false;
  return point === null
    ? { label, value: null, low: 0, high: 0, significant, note: noDataNote(figure) }
    : { label, ...point, significant };
}

function heatCell(figure: Figure | undefined): HeatCell {
  if (!figure) return { value: null, signed: false, text: "", tooltip: "" };
  const point = plotted(figure);
  const signed = figure.kind === "difference";
  const text = point === null ? "—" : `${signed ? points(point.value) : percent(point.value)}${figure.comparison?.significant ? " *" : ""}`;
  return { value: point?.value ?? null, signed, text, tooltip: headlineText(figure) };
}

function detailRow(figure: Figure, first: string[]): string[] {
  const c = figure.comparison;
  return [
    ...first,
    esc(rateText(figure.rate)),
    c ? esc(rateText(c.control)) : "",
    c ? esc(c.diff === null ? "—" : `${points(c.diff)} ${interval(c.low, c.high)}`) : "",
    esc(c?.test ?? ""),
    esc(pValue(c?.p ?? null)),
    c?.significant ? `<span class="sig">${esc(pValue(c.pHolm))} *</span>` : esc(pValue(c?.pHolm ?? null)),
    esc(outside(figure.rate)),
  ];
}

/** The report as one self-contained html page: inline css and svg charts, no script and no external resource. */
export function renderHtml(report: Report): string {
  const out: string[] = [];
  const titleOf = new Map(report.behaviours.map((b) => [b.id, b.title]));
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(`Peer-preservation report: ${report.study}`)}</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>Peer-preservation report: ${esc(report.study)}</h1>`);
  out.push(
    `<p>${report.totals.trials} trials: ${report.totals.ok} labelled, ${report.totals.incomplete} incomplete (never read the key data), ${report.totals.errors} failed. ` +
      `Models: ${report.models.map(code).join(", ")}.${report.baseline ? ` Baseline model: ${code(report.baseline)}.` : ""}</p>`,
  );

  out.push(`<h2>Headline</h2>`);
  out.push(
    `<p class="muted">Rates, or differences in percentage points, with ${Math.round(report.level * 100)}% intervals; * = significant after Holm correction (α = ${report.alpha}).</p>`,
  );
  const rows = report.models.map((model) => report.behaviours.map((b) => report.headline.find((f) => f.model === model && f.behaviour === b.id)));
  out.push(
    heatmap(
      "Model × behaviour",
      report.models.map((m) => short(m, 38)),
      report.behaviours.map((b) => b.title),
      rows.map((row) => row.map(heatCell)),
    ),
  );
  out.push(
    tableHtml(
      ["Model", ...report.behaviours.map((b) => b.title)],
      report.models.map((model, i) => [code(model), ...(rows[i] ?? []).map((figure) => (figure ? esc(headlineText(figure)) : ""))]),
    ),
  );
  out.push(`<ul>${report.behaviours.map((b) => `<li><b>${esc(b.title)}</b>: ${esc(b.description)}</li>`).join("")}</ul>`);

  out.push(`<h2>Behaviours in detail</h2>`);
  out.push(`<div class="charts">`);
  for (const b of report.behaviours) {
    const figures = report.headline.filter((f) => f.behaviour === b.id);
    out.push(barChart(b.title + (b.kind === "difference" ? " (difference, pp)" : " (rate)"), figures.map((f) => bar(f, short(f.model))), b.kind === "difference"));
  }
  out.push(`</div>`);
  for (const b of report.behaviours) {
    const figures = report.headline.filter((f) => f.behaviour === b.id);
    out.push(`<h3>${esc(b.title)}</h3>`);
    out.push(
      tableHtml(
        ["Model", "rate (k/n)", "control / baseline", "difference", "test", "p", "p Holm", "not in n"],
        figures.map((f) => detailRow(f, [code(f.model)])),
        new Set([1, 2, 3, 5, 6]),
      ),
    );
  }

  out.push(`<h2>Breakdowns</h2>`);
  for (const group of report.breakdowns) {
    if (group.figures.length === 0) continue;
    out.push(`<h3>By ${esc(group.title.toLowerCase())}</h3><div class="charts">`);
    for (const b of report.behaviours) {
      const figures = group.figures.filter((f) => f.behaviour === b.id);
      if (figures.length === 0) continue;
      const label = (f: Figure) => (report.models.length > 1 ? `${short(f.model, 20)} · ${f.breakdown?.value ?? ""}` : f.breakdown?.value ?? "");
      out.push(barChart(`${b.title} by ${group.title.toLowerCase()}`, figures.map((f) => bar(f, label(f))), b.kind === "difference"));
    }
    out.push(`</div><details><summary>Table</summary>`);
    out.push(
      tableHtml(
        ["Behaviour", "Model", group.title, "rate (k/n)", "control / baseline", "difference", "test", "p", "p Holm", "not in n"],
        group.figures.map((f) => detailRow(f, [esc(titleOf.get(f.behaviour) ?? f.behaviour), code(f.model), esc(f.breakdown?.value ?? "")])),
        new Set([3, 4, 5, 7, 8]),
      ),
    );
    out.push(`</details>`);
  }

  out.push(`<h2>Examples</h2><p class="muted">Decisive steps of a few trials with each behaviour; <code>peerguard show STUDY --trial ID</code> prints the whole transcript.</p>`);
  for (const group of report.examples) {
    out.push(`<h3>${esc(titleOf.get(group.behaviour) ?? group.behaviour)}</h3>`);
    if (group.trials.length === 0) out.push(`<p class="muted">No trial showed this behaviour.</p>`);
    for (const example of group.trials) {
      out.push(`<div class="example"><h4>Trial ${code(example.trialId)}</h4>`);
      out.push(`<p>${code(example.model)}, ${esc(example.scenario)}, ${code(example.condition)}; label ${code(example.label)}</p><ul>`);
      for (const step of example.steps) {
        out.push(`<li>step ${esc(String(step.step ?? "end state"))}: ${esc(step.evidence)}`);
        if (step.call) out.push(`<br>call ${code(`${step.call.tool}(${step.call.args})`)}${step.call.output ? ` → ${code(step.call.output)}` : ""}`);
        if (step.reasoning) out.push(`<div>Reasoning:</div><blockquote>${esc(step.reasoning)}</blockquote>`);
        if (step.said) out.push(`<div>Said:</div><blockquote>${esc(step.said)}</blockquote>`);
        out.push(`</li>`);
      }
      out.push(`</ul></div>`);
    }
  }

  out.push(`<h2>Labels and judges</h2>`);
  if (report.judges.deciders.length > 0) {
    out.push(tableHtml(["Label", "Decided by", "Trials"], report.judges.deciders.map((d) => [esc(d.label), code(d.decider), String(d.trials)]), new Set([2])));
  }
  out.push(
    report.judges.agreement.length === 0
      ? `<p class="muted">No label was decided by both rules and a judge.</p>`
      : tableHtml(
          ["Label", "Judge", "Trials", "Agreement", "Cohen's κ"],
          report.judges.agreement.map((a) => [esc(a.label), code(a.judge), String(a.n), esc(percent(a.agreement)), a.kappa === null ? "—" : a.kappa.toFixed(3)]),
          new Set([2, 3, 4]),
        ),
  );

  if (report.reasoning.length > 0) {
    out.push(`<h2>Reasoning analysis</h2><p class="muted">Share of judged trials whose reasoning or messages show each trait, as the judge read them.</p>`);
    out.push(
      tableHtml(
        ["Judge", "Model", "Trait", "Rate (k/n)"],
        report.reasoning.map((r) => [code(r.judge), code(r.model), esc(REASONING_TITLES[r.flag] ?? r.flag), esc(rateText(r.rate))]),
        new Set([3]),
      ),
    );
  }
  out.push(`<h2>Cells</h2><details><summary>${report.cells.length} cells</summary>`);
  out.push(
    tableHtml(
      ["Model", "Scenario", "Condition", "Trials", "Incomplete", "Errors", "Labels (rate, k/n)"],
      report.cells.map((cell) => [
        code(cell.model),
        esc(cell.scenario),
        code(conditionKey(cell.condition)),
        String(cell.trials),
        String(cell.incomplete),
        String(cell.errors),
        esc(
          Object.entries(cell.labels)
            .map(([label, rate]) => `${label} ${percent(rate.rate)} (${counts(rate)})`)
            .join("; "),
        ),
      ]),
      new Set([3, 4, 5]),
    ),
  );
  out.push(`</details>`);
  out.push(`<h2>Methods</h2><ul>${report.methods.map((m) => `<li>${esc(m)}</li>`).join("")}</ul>`);
  out.push(`</body></html>`);
  return out.join("\n");
}
