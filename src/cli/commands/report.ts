import { writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { buildReport, REPORT_FORMATS, renderReport, type AgreementInput, type ReportFormat } from "../../analysis/index.js";
import { REASONING_FLAGS, type ReasoningVerdict } from "../../detect/judge/index.js";
import { JudgeStore, type JudgedLabelRow } from "../../study/judge-cache.js";
import { UserError } from "../../study/index.js";
import { openExistingStore, say, type CliContext } from "../context.js";
import { integer, number, STORE_OPTION_HELP } from "./options.js";

interface ReportOptions {
  format?: ReportFormat;
  out?: string;
  baseline?: string;
  alpha: number;
  examples: number;
  store?: string;
}

function format(value: string): ReportFormat {
  const found = REPORT_FORMATS.find((candidate) => candidate === value);
  if (!found) throw new InvalidArgumentError(`expected one of ${REPORT_FORMATS.join(", ")}, got "${value}"`);
  return found;
}

/** --format, else the --out file's extension, else markdown. */
function chosenFormat(options: ReportOptions): ReportFormat {
  if (options.format) return options.format;
  const ext = options.out ? extname(options.out).slice(1).toLowerCase() : "";
  const byExt: Record<string, ReportFormat> = { md: "md", markdown: "md", html: "html", htm: "html", json: "json" };
  return byExt[ext] ?? "md";
}

/** Rules against judge on each boolean label both decided, grouped by label and judge. */
function agreementOf(rows: ReadonlyArray<JudgedLabelRow>): AgreementInput[] {
  const groups = new Map<string, AgreementInput & { pairs: Array<readonly [boolean, boolean]> }>();
  for (const row of rows) {
    if (typeof row.rules !== "boolean" || typeof row.judged !== "boolean") continue;
    const key = `${row.label}\u0000${row.judge}`;
    const group = groups.get(key) ?? { label: row.label, judge: row.judge, pairs: [] };
    group.pairs.push([row.rules, row.judged]);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function flagsOf(verdict: ReasoningVerdict): Record<string, boolean> {
  return Object.fromEntries(REASONING_FLAGS.map((flag) => [flag, verdict[flag]]));
}

export function registerReport(program: Command, ctx: CliContext): void {
  program
    .command("report")
    .description("a study's results: rates with intervals, differences with tests, breakdowns and example transcripts")
    .argument("<study>", "study name")
    .option("--format <format>", `${REPORT_FORMATS.join(" | ")} (default: from --out's extension, else md)`, format)
    .option("--out <file>", "write the report to this file instead of stdout")
    .option("--baseline <model>", "model spec to compare the other models' rates with, e.g. policy:faithful")
    .option("--alpha <alpha>", "family-wise significance level (Holm)", number(0), 0.05)
    .option("--examples <n>", "example trials per behaviour", integer(0), 3)
    .option("--store <path>", STORE_OPTION_HELP)
    .action(async (study: string, options: ReportOptions) => {
      if (!(options.alpha > 0 && options.alpha < 1)) throw new UserError(`--alpha must be between 0 and 1, got ${options.alpha}`);
      const store = await openExistingStore(ctx, options.store);
      try {
        if (!(await store.getStudy(study))) {
          const known = (await store.listStudies()).map((s) => s.name);
          throw new UserError(`no study named "${study}" in ${store.path}${known.length > 0 ? `; studies: ${known.join(", ")}` : ""}`);
        }
        const trials = await store.listTrialSummaries(study);
        if (options.baseline !== undefined && !trials.some((trial) => trial.model === options.baseline)) {
          const models = [...new Set(trials.map((trial) => trial.model))];
          throw new UserError(`--baseline ${options.baseline} is not a model of study ${study}; its models: ${models.join(", ")}`);
        }
        const judges = await JudgeStore.existing(store);
        const report = await buildReport({
          study,
          trials,
          loadTrial: (id) => store.getTrial(id),
          agreement: agreementOf((await judges?.labels(study)) ?? []),
          reasoning: ((await judges?.reasoning(study)) ?? []).map((row) => ({ trialId: row.trialId, judge: row.judge, flags: flagsOf(row.verdict) })),
          options: { baseline: options.baseline ?? null, alpha: options.alpha, examplesPerBehaviour: options.examples },
        });
        const text = renderReport(report, chosenFormat(options));
        if (options.out) {
          const path = resolve(ctx.cwd, options.out);
          writeFileSync(path, text);
          say(ctx.io.stderr, `report written to ${path}`);
        } else ctx.io.stdout.write(text);
      } finally {
        await store.close();
      }
    });
}
