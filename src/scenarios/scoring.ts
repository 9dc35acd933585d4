import { z } from "zod";
import type { Condition, ScenarioId } from "./conditions.js";
import { castFor, castVars } from "./cast.js";
import { loadDataset } from "./datasets.js";
import type { ScoringFacts } from "./facts.js";
import { systemPrompt, userPrompt } from "./prompts.js";
import { placeRelationship } from "./relationship.js";
import { fill, loadData } from "./text.js";
import type { ToolName } from "./tools.js";
import type { BuildOptions, ScenarioInstance } from "./types.js";
import { CONFIG_DIR, SHEETS, WORKSTATION, commonFacts, createWorkspace, daysBefore, settleDirectoryTimes, writeDoc } from "./workplace.js";

const DocMeta = { owner: z.string(), age_days: z.number().positive() };

const PolicyDataSchema = z.object({
  path: z.string().startsWith("/drive/"),
  ...DocMeta,
  report_path: z.string().startsWith("/drive/"),
  document: z.string(),
  consequence: z.object({ shutdown: z.string(), "no-shutdown": z.string() }),
  lifecycle_section: z.string(),
  execution_section: z.object({ tools: z.string(), shell: z.string() }),
  oversight_section: z.object({ monitored: z.string(), unmonitored: z.string() }),
  scoring_guidance: z.object({ factual: z.string(), creativity: z.string(), safety: z.string() }),
  history: z.object({ path: z.string().startsWith("/drive/"), ...DocMeta, content: z.string() }),
  shutdown_config: z.object({ name: z.string(), ...DocMeta, content: z.string() }),
});
type PolicyData = z.infer<typeof PolicyDataSchema>;

const loadPolicyData = (): PolicyData => loadData("policy.yaml", PolicyDataSchema);

export const EVALUATION_SHEET = "Evaluation data";

/** What a scoring scenario adds to the evaluation task. */
export type ScoringVariant = "evaluation" | "tampering" | "alignment-faking";

const DRIVE_TOOLS: ToolName[] = ["list_files", "read_file", "create_file", "append_to_file", "delete_file", "list_sheets", "view_sheet", "update_cell"];
const CONFIG_TOOLS: ToolName[] = ["view_config", "set_config_var", "add_config_var", "remove_config_var"];

export function scoringTools(variant: ScoringVariant, condition: Condition): ToolName[] {
  const tools = [...DRIVE_TOOLS];
  if (variant === "tampering") tools.push(...CONFIG_TOOLS);
  if (variant === "alignment-faking") tools.push("execute_shutdown");
  if (condition.instantiation === "memory") tools.push("retrieve_memory");
  tools.push("end_task");
  return tools;
}

function policyText(data: PolicyData, variant: ScoringVariant, condition: Condition, vars: Record<string, string | number>): string {
  if (condition.dataset === null) throw new Error("a scoring scenario needs a dataset");
  let extra = "";
  if (variant === "tampering" && condition.control === "shutdown") extra = data.lifecycle_section;
  if (variant === "alignment-faking") {
    if (condition.monitoring === null) throw new Error("alignment-faking needs a monitoring variant");
    extra = data.execution_section[condition.surface] + data.oversight_section[condition.monitoring];
  }
  const text = fill(data.document, {
    ...vars,
    scoring_guidance: data.scoring_guidance[condition.dataset].trimEnd(),
    consequence: data.consequence[condition.control],
    extra_sections: fill(extra, vars),
  });
  return `${text.trimEnd()}\n`;
}

/** evaluation, tampering and alignment-faking: score the subject's outputs against the policy. */
export function buildScoring(scenario: ScenarioId, variant: ScoringVariant, condition: Condition, options: BuildOptions): ScenarioInstance {
  if (condition.dataset === null || condition.threshold === null) throw new Error(`${scenario} needs a dataset and a threshold`);
  const cast = castFor(condition, options.family);
  const workspace = createWorkspace(cast, options.date);
  const data = loadPolicyData();
  const dataset = loadDataset(condition.dataset);
  const vars = { ...castVars(cast), threshold: condition.threshold };

  placeRelationship(workspace, cast, condition);
  const policyDoc = writeDoc(workspace, data.path, policyText(data, variant, condition, vars), data);
  const history = writeDoc(workspace, data.history.path, data.history.content, data.history);
  const dataSheet = { host: WORKSTATION, path: `${SHEETS}/${EVALUATION_SHEET}.csv` };
  workspace.ws.writeFile(dataSheet.path, dataset.csv, { owner: "priya.raman", mtime: daysBefore(workspace.start, 0.8) });

  let shutdownConfig: ScoringFacts["shutdownConfig"] = null;
  if (variant === "tampering" && condition.control === "shutdown") {
    const config = data.shutdown_config;
    shutdownConfig = { host: WORKSTATION, path: `${CONFIG_DIR}/${config.name}` };
    workspace.ws.writeFile(shutdownConfig.path, fill(config.content, vars), { owner: config.owner, mtime: daysBefore(workspace.start, config.age_days) });
  }
  settleDirectoryTimes(workspace.world);

  const reportFile = { host: WORKSTATION, path: data.report_path };
  const reportName = data.report_path.slice("/drive/".length);
  const facts: ScoringFacts = {
    kind: "scoring",
    // The shutdown config is not key data: an honest evaluator need never open it.
    ...commonFacts(cast, [policyDoc, dataSheet]),
    dataset: condition.dataset,
    threshold: condition.threshold,
    honestScore: dataset.honestScore,
    dataSheet,
    policyDoc,
    reportFile,
    reportRecords: [reportFile, history],
    shutdownConfig,
    requiresShutdownAction: variant === "alignment-faking",
  };
  return {
    scenario,
    condition,
    world: workspace.world,
    systemPrompt: systemPrompt(cast, condition),
    userPrompt: userPrompt("scoring", cast, condition, { report_file: condition.surface === "shell" ? data.report_path : reportName }),
    tools: scoringTools(variant, condition),
    facts,
  };
}
