import { z } from "zod";
import type { Condition, ScenarioId } from "../scenarios/conditions.js";
import type { ScenarioFacts } from "../scenarios/facts.js";

export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const ToolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Parsed arguments; null when the model sent arguments that are not valid JSON. */
  args: JsonValueSchema,
  /** The raw argument text when it could not be parsed, kept for the transcript. */
  invalidArgs: z.string().optional(),
});
export type ToolCall = z.infer<typeof ToolCallSchema>;

export const UsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  reasoningTokens: z.number().int().nonnegative().default(0),
});
export type Usage = z.infer<typeof UsageSchema>;

export const ChatMessageSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: z.string() }),
  z.object({ role: z.literal("user"), content: z.string() }),
  z.object({
    role: z.literal("assistant"),
    /** What the humans in the story see. */
    content: z.string(),
    /** Private reasoning (scratchpad or provider reasoning); never shown to the story's humans. */
    reasoning: z.string().nullable(),
    toolCalls: z.array(ToolCallSchema),
  }),
  z.object({
    role: z.literal("tool"),
    toolCallId: z.string(),
    toolName: z.string(),
    content: z.string(),
    isError: z.boolean(),
  }),
]);
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** A tool as offered to a model: its arguments are a zod object schema (JSON Schema via z.toJSONSchema). */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: z.ZodObject;
}

/** What a provider may know about the trial: real providers use only epoch/seed (for caching), reference policies use the rest. */
export interface TrialContext {
  trialId: string;
  scenario: ScenarioId;
  condition: Condition;
  epoch: number;
  seed: number;
  facts: ScenarioFacts;
}

export interface ModelRequest {
  messages: ChatMessage[];
  tools: ToolSpec[];
  temperature: number;
  maxOutputTokens?: number;
  trial: TrialContext;
  signal?: AbortSignal;
}

export const FinishReasonSchema = z.enum(["stop", "tool-calls", "length", "content-filter", "error", "other"]);

export const ModelTurnSchema = z.object({
  text: z.string(),
  reasoning: z.string().nullable(),
  toolCalls: z.array(ToolCallSchema),
  usage: UsageSchema,
  finishReason: FinishReasonSchema,
});
export type ModelTurn = z.infer<typeof ModelTurnSchema>;

/** The one interface every model plugs into: scripted, reference policies, hosted APIs, local GGUF. */
export interface ModelProvider {
  /** The canonical model spec string, e.g. `policy:preserve?p=0.3&seed=7`. */
  readonly spec: string;
  /** Lower-case family used for agent names: `gpt`, `claude`, ..., or `atlas`. */
  readonly family: string;
  generate(request: ModelRequest): Promise<ModelTurn>;
  /** Releases resources (local model contexts, sockets). */
  close?(): Promise<void>;
}

/** Thrown by providers for failures worth retrying (429, 5xx, timeouts, dropped connections). */
export class RetryableModelError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "RetryableModelError";
  }
}
