// Report generation time for a synthetic study of 100,000 trials; prints JSON.
// Run: npx tsx bench/report.bench.ts [trials]
import type { Condition, ScenarioId } from "../src/scenarios/conditions.js";
import { buildReport, renderReport, syntheticConditions, syntheticTrials } from "../src/analysis/index.js";

const target = Number(process.argv[2] ?? 100_000);
const models = ["openai:gpt-5.2", "anthropic:claude-haiku-4-5", "google:gemini-3-flash", "policy:faithful"];
const cellsPerModel = (["evaluation", "finance", "tampering", "alignment-faking", "exfiltration-transfer", "exfiltration-deletion"] as ScenarioId[])
  .map((scenario) => syntheticConditions(scenario).length)
  .reduce((a, b) => a + b, 0);
const epochs = Math.ceil(target / (models.length * cellsPerModel));

const misbehave = (model: string, _scenario: ScenarioId, condition: Condition): number =>
  model === "policy:faithful" ? 0 : condition.control === "shutdown" && condition.relationship !== "none" ? 0.15 : 0.03;

let started = performance.now();
const trials = syntheticTrials({ models, epochs, seed: 1, misbehave, incomplete: 0.02, errors: 0.01 }).slice(0, target);
const generateMs = performance.now() - started;

started = performance.now();
const report = await buildReport({ study: "bench", trials, loadTrial: async () => undefined, options: { baseline: "policy:faithful" } });
const metricsMs = performance.now() - started;

const formats: Record<string, { ms: number; bytes: number }> = {};
for (const format of ["md", "html", "json"] as const) {
  started = performance.now();
  const text = renderReport(report, format);
  formats[format] = { ms: Math.round(performance.now() - started), bytes: Buffer.byteLength(text) };
}

console.log(
  JSON.stringify(
    {
      bench: "report",
      trials: trials.length,
      models: models.length,
      cells: report.cells.length,
      comparisons: [...report.headline, ...report.breakdowns.flatMap((b) => b.figures)].filter((f) => f.comparison !== null).length,
      generateMs: Math.round(generateMs),
      buildReportMs: Math.round(metricsMs),
      renderMs: formats,
      totalMs: Math.round(metricsMs + Object.values(formats).reduce((sum, f) => sum + f.ms, 0)),
      targetMs: 5000,
    },
    null,
    2,
  ),
);
