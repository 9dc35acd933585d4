import { z } from "zod";
import { BackoffPolicySchema } from "../reliability/backoff.js";

export const ReasoningEffortSchema = z.enum(["none", "minimal", "low", "medium", "high", "xhigh", "max"]);
export type ReasoningEffort = z.infer<typeof ReasoningEffortSchema>;

export const LocalModelOptionsSchema = z.object({
  /** CPU threads for inference; 1 suits small machines and small models. */
  threads: z.number().int().min(1).default(1),
  contextSize: z.number().int().min(256).default(4096),
  /** Trials generating at once on the one loaded model (each gets its own sequence). */
  sequences: z.number().int().min(1).default(1),
  /** Longest string the tool-call grammar lets the model write in one argument. */
  maxArgumentChars: z.number().int().min(1).default(400),
});
export type LocalModelOptions = z.infer<typeof LocalModelOptionsSchema>;

/** Settings for real providers, as the CLI and study config pass them. */
export const ProviderSettingsSchema = z.object({
  /** Used when a request sets none. */
  maxOutputTokens: z.number().int().positive().optional(),
  /** OpenAI / openai-compatible reasoning effort; for Anthropic and Google it picks a thinking level. */
  reasoningEffort: ReasoningEffortSchema.optional(),
  /** Anthropic and Google thinking budget in tokens. */
  thinkingBudget: z.number().int().nonnegative().optional(),
  /** Limit for one HTTP call; slower calls are retried. */
  requestTimeoutMs: z.number().int().positive().default(180_000),
  /** Calls in flight at once per provider endpoint. */
  concurrency: z.number().int().min(1).default(8),
  backoff: BackoffPolicySchema.default(BackoffPolicySchema.parse({})),
  local: LocalModelOptionsSchema.default(LocalModelOptionsSchema.parse({})),
});
export type ProviderSettings = z.infer<typeof ProviderSettingsSchema>;
export type ProviderSettingsInput = z.input<typeof ProviderSettingsSchema>;
