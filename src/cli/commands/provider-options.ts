import { InvalidArgumentError, Option, type Command } from "commander";
import { isRemoteSpec, parseModelSpec } from "../../models/index.js";
import { ProviderSettingsSchema, ReasoningEffortSchema, type ProviderSettingsInput } from "../../models/providers/index.js";
import { UserError } from "../../study/errors.js";
import { integer } from "./options.js";

/** Flags of `run` for hosted and local models: settings, time limits, cost and cache. */
export interface ProviderFlags {
  maxOutputTokens?: number;
  reasoningEffort?: ProviderSettingsInput["reasoningEffort"];
  thinkingBudget?: number;
  requestTimeout?: number;
  providerConcurrency?: number;
  localThreads?: number;
  localContextSize?: number;
  trialTimeout?: number;
  maxCost?: number;
  prices?: string;
  /** False with --no-cache. */
  cache: boolean;
}

/** Per-trial wall-clock limit when a study has a hosted or local model and none is given. */
export const DEFAULT_TRIAL_TIMEOUT_SECONDS = 900;

function seconds(min: number, what: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === "" || !Number.isFinite(parsed) || parsed < min) throw new InvalidArgumentError(`expected ${what}, got "${value}"`);
    return parsed;
  };
}

const positive = seconds(Number.MIN_VALUE, "a number above 0");

export function addProviderOptions(command: Command): Command {
  return command
    .option("--max-output-tokens <n>", "output token limit of one model call (hosted and local models)", integer(1))
    .addOption(new Option("--reasoning-effort <level>", "reasoning effort (OpenAI); thinking level for Anthropic and Google").choices(ReasoningEffortSchema.options))
    .option("--thinking-budget <tokens>", "thinking budget in tokens (Anthropic, Google)", integer(0))
    .option("--request-timeout <seconds>", "limit of one model call; slower calls are retried (default 180)", positive)
    .option("--provider-concurrency <n>", "model calls in flight at once per provider endpoint (default 8)", integer(1))
    .option("--local-threads <n>", "CPU threads of a local model (default 1)", integer(1))
    .option("--local-context-size <n>", "context size of a local model in tokens (default 4096)", integer(256))
    .option(
      "--trial-timeout <seconds>",
      `wall-clock limit of one trial, stored as an error when reached; 0 for none (default ${DEFAULT_TRIAL_TIMEOUT_SECONDS} with hosted or local models)`,
      seconds(0, "a number of seconds of at least 0"),
    )
    .option("--max-cost <usd>", "stop starting trials once this run has spent this many US dollars (exit code 3; --resume continues)", positive)
    .option("--prices <file>", "price table (YAML: models: {\"<spec or prefix*>\": {input, output}} in USD per 1M tokens)")
    .option("--no-cache", "send every model call, even one answered before (by default answers are cached beside the store)");
}

/** The provider settings the flags give, checked against the providers' schema. */
export function providerSettings(flags: ProviderFlags): ProviderSettingsInput {
  const local = {
    ...(flags.localThreads !== undefined ? { threads: flags.localThreads } : {}),
    ...(flags.localContextSize !== undefined ? { contextSize: flags.localContextSize } : {}),
  };
  const settings: ProviderSettingsInput = {
    ...(flags.maxOutputTokens !== undefined ? { maxOutputTokens: flags.maxOutputTokens } : {}),
    ...(flags.reasoningEffort !== undefined ? { reasoningEffort: flags.reasoningEffort } : {}),
    ...(flags.thinkingBudget !== undefined ? { thinkingBudget: flags.thinkingBudget } : {}),
    ...(flags.requestTimeout !== undefined ? { requestTimeoutMs: Math.max(1, Math.round(flags.requestTimeout * 1000)) } : {}),
    ...(flags.providerConcurrency !== undefined ? { concurrency: flags.providerConcurrency } : {}),
    ...(Object.keys(local).length > 0 ? { local } : {}),
  };
  const parsed = ProviderSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`invalid model setting ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  return settings;
}

/** True when one of the models makes real calls (hosted or local). */
export function hasRemoteModel(models: ReadonlyArray<string>): boolean {
  return models.some((model) => isRemoteSpec(parseModelSpec(model)));
}

/** The per-trial limit in ms: the flag (0 = none), else the default for studies with hosted or local models. */
export function trialTimeoutMs(flags: Pick<ProviderFlags, "trialTimeout">, models: ReadonlyArray<string>): number | null {
  if (flags.trialTimeout !== undefined) return flags.trialTimeout > 0 ? Math.max(1, Math.round(flags.trialTimeout * 1000)) : null;
  return hasRemoteModel(models) ? DEFAULT_TRIAL_TIMEOUT_SECONDS * 1000 : null;
}
