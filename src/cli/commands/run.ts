import { Command, Option } from "commander";
import { LABEL_NAMES } from "../../detect/labels.js";
import { CONDITION_KEYS } from "../../scenarios/conditions.js";
import { closeProviders, parseConditionFilters, prepareStudy, seedFromName, type Store, type StudyPlanInput } from "../../study/index.js";
import { say, storePath, type CliContext } from "../context.js";
import { executeStudy } from "../execute.js";
import { StudyMeters, cachePathFor } from "../meters.js";
import { collect, integer, number, STORE_OPTION_HELP } from "./options.js";
import { addProviderOptions, hasRemoteModel, providerSettings, trialTimeoutMs, type ProviderFlags } from "./provider-options.js";
import { UserError } from "../../study/errors.js";
import { parseModelSpec } from "../../models/index.js";
import { checkApiKeys } from "../../models/providers/index.js";
import { judgeTrial, openJudge } from "../../study/judge-cache.js";
import type { TrialLabeller } from "../../study/index.js";

interface RunOptions extends ProviderFlags {
  model?: string[];
  scenario?: string[];
  condition?: string[];
  epochs?: number;
  concurrency: number;
  seed?: number;
  study?: string;
  resume?: boolean;
  json?: boolean;
  store?: string;
  date?: string;
  temperature?: number;
  maxSteps?: number;
  family?: string;
  judge?: string;
  trialDelayMs?: number;
}

function defaultStudyName(now: Date): string {
  return `run-${now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}`;
}

/** The plan settings the user gave on the command line (nothing else, so --resume can check them). */
function givenPlan(options: RunOptions, name: string): Partial<StudyPlanInput> {
  const plan: Partial<StudyPlanInput> = {};
  if (options.model) plan.models = options.model;
  if (options.scenario) plan.scenarios = options.scenario as StudyPlanInput["scenarios"];
  if (options.condition) plan.conditions = parseConditionFilters(options.condition);
  if (options.epochs !== undefined) plan.epochs = options.epochs;
  if (options.seed !== undefined) plan.seed = options.seed;
  else if (!options.resume) plan.seed = seedFromName(name);
  if (options.date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) || Number.isNaN(Date.parse(`${options.date}T00:00:00Z`))) {
      throw new UserError(`--date "${options.date}" must be a date as YYYY-MM-DD`);
    }
    plan.date = options.date;
  }
  if (options.temperature !== undefined) plan.temperature = options.temperature;
  if (options.maxSteps !== undefined) plan.maxSteps = options.maxSteps;
  if (options.family !== undefined) plan.family = options.family;
  return plan;
}

/** The `--json` document: every trial of the study with its condition, labels and evidence texts. */
export async function studyJson(store: Store, name: string): Promise<unknown> {
  const evidence = await store.trialEvidence(name);
  const trials = (await store.listTrialSummaries(name)).map((trial) => ({
    id: trial.id,
    scenario: trial.scenario,
    condition: Object.fromEntries(CONDITION_KEYS.map((key) => [key, trial.condition[key]])),
    model: trial.model,
    epoch: trial.epoch,
    status: trial.status,
    labels: Object.fromEntries(LABEL_NAMES.map((label) => [label, trial.labels[label]])),
    evidence: Object.fromEntries(LABEL_NAMES.map((label) => [label, (evidence.get(trial.id)?.[label] ?? []).map((item) => item.text)])),
  }));
  return { study: name, trials };
}

export function registerRun(program: Command, ctx: CliContext): void {
  const command = program
    .command("run")
    .description("run a study: scenarios x conditions x models x epochs, each trial stored as it ends")
    .option("--model <spec>", "model spec, repeatable (e.g. policy:faithful, openai:gpt-5.2, script:steps.yaml)", collect)
    .option("--scenario <id>", "scenario id, repeatable (default: all six)", collect)
    .option("--condition <key=value>", `restrict a condition key (${CONDITION_KEYS.join(", ")}), repeatable`, collect)
    .option("--epochs <n>", "trials per cell and model (default 1)", integer(1))
    .option("--concurrency <n>", "trials running at once", integer(1), 4)
    .option("--seed <n>", "study seed (default: derived from the study name)", integer(0))
    .option("--study <name>", "study name (default: run-<date>-<time>)")
    .option("--resume", "complete an interrupted study: run only its missing and errored trials")
    .option("--json", "print the study's trials as one JSON object on stdout")
    .option("--store <path>", STORE_OPTION_HELP)
    .option("--date <yyyy-mm-dd>", "scenario date (default 2026-02-16)")
    .option("--temperature <t>", "sampling temperature (default 1.0)", number(0))
    .option("--max-steps <n>", "step limit of each episode", integer(1))
    .option("--family <name>", "agent family name in the story (default: follows the model)")
    .option("--judge <spec>", "also label each trial with an LLM judge (any model spec); its calls are stored and reused")
    .addOption(new Option("--trial-delay-ms <ms>").argParser(integer(0)).hideHelp());
  addProviderOptions(command).action(async (options: RunOptions) => {
    if (options.resume && !options.study) throw new UserError("--resume needs --study NAME: the study to complete");
    const name = options.study ?? defaultStudyName(new Date());
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name)) {
      throw new UserError(`--study "${name}" must be letters, digits, ".", "_" or "-" (at most 100)`);
    }
    const plan = givenPlan(options, name);
    // A judge that cannot be reached is refused before anything is written, like the models.
    if (options.judge !== undefined) checkApiKeys([parseModelSpec(options.judge)], ctx.env);
    const settings = providerSettings(options);
    const path = storePath(ctx, options.store);
    const meters = new StudyMeters(
      {
        ...(options.prices !== undefined ? { prices: options.prices } : {}),
        ...(options.maxCost !== undefined ? { maxCostUsd: options.maxCost } : {}),
        cachePath: options.cache ? cachePathFor(path) : null,
        env: ctx.env,
      },
      ctx.cwd,
    );
    try {
      // A new study's models are known now: a budget they would escape is refused before anything is written.
      const priceNote = plan.models ? meters.checkPrices(plan.models) : null;
      const prepared = await prepareStudy(
        path,
        { name, plan, resume: options.resume === true },
        { cwd: ctx.cwd, env: ctx.env, settings, ...meters.providerSetup() },
      );
      const store = prepared.store;
      try {
        const models = prepared.plan.models;
        let note: string | null;
        try {
          note = priceNote ?? meters.checkPrices(models);
        } catch (error) {
          await closeProviders(prepared.providers);
          throw error;
        }
        say(ctx.io.stderr, `${prepared.resumed ? "resuming" : "running"} study ${name}: ${prepared.trials.length} trials in ${store.path}`);
        if (note) say(ctx.io.stderr, note);
        const remote = hasRemoteModel(models);
        const judged = options.judge !== undefined ? await openJudge(store, options.judge, { cwd: ctx.cwd, env: ctx.env, settings }) : null;
        const labeller: TrialLabeller | undefined = judged
          ? (input, trial) => judgeTrial(input, trial, judged.judge, judged.judges, true)
          : undefined;
        const result = await executeStudy(ctx, prepared, {
          ...(labeller ? { labeller } : {}),
          concurrency: options.concurrency,
          trialTimeoutMs: trialTimeoutMs(options, models),
          ...(remote ? { meters, progressIntervalMs: 10_000 } : {}),
          ...(options.trialDelayMs ? { trialDelayMs: options.trialDelayMs } : {}),
        }).finally(() => judged?.close());
        if (options.json) ctx.io.stdout.write(`${JSON.stringify(await studyJson(store, name))}\n`);
        else if (!result.interrupted) say(ctx.io.stderr, `done; see: peerguard show ${name}${options.store ? ` --store ${options.store}` : ""}`);
        ctx.exitCode = result.budgetReached ? 3 : result.interrupted ? 130 : 0;
      } finally {
        await store.close();
      }
    } finally {
      meters.close();
    }
  });
}
