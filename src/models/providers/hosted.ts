import { createHash } from "node:crypto";
import type { LanguageModelV3GenerateResult } from "@ai-sdk/provider";
import type { AssistantModelMessage } from "ai";
import { familyOf } from "../spec.js";
import type { JsonValue, ModelRequest, ModelTurn, ToolCall } from "../types.js";
import type { BackendTurn, MalformedToolCall, ModelBackend } from "../reliability/backend.js";
import type { CallFailure } from "../reliability/failure.js";
import { redactSecrets } from "../reliability/redact.js";
import { classifySdkError } from "./errors.js";
import { TurnMemory, toModelMessages } from "./messages.js";
import type { ProviderSettings } from "./options.js";
import { toProviderPrompt } from "./prompt.js";
import { responseMessage } from "./response-message.js";
import { checkToolCall, type CheckedToolCall } from "./tool-calls.js";
import { providerToolSet } from "./tool-set.js";
import { endpointOf, sdkModel, type BaseUrlOverrides, type HostedModelSpec } from "./sdk-model.js";

export function specString(spec: HostedModelSpec): string {
  return spec.provider === "openai-compatible" ? `${spec.provider}:${spec.model}@${spec.baseUrl}` : `${spec.provider}:${spec.model}`;
}

function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}

/**
 * Gemini gives tool calls no ids, so the SDK makes them up; they are renamed from the request so a
 * trial's transcript does not depend on chance or on what ran alongside it.
 */
function requestIds(request: ModelRequest): (index: number) => string {
  const seed = createHash("sha256").update(JSON.stringify(request.messages)).update(String(request.trial.epoch)).digest("hex").slice(0, 12);
  return (index) => `call_${seed}_${index}`;
}

let sdkIdCounter = 0;

/** A hosted model (OpenAI, Anthropic, Google, any OpenAI-compatible server) through the AI SDK, one step per call. */
export class HostedBackend implements ModelBackend {
  readonly spec: string;
  readonly family: string;
  readonly endpoint: string;
  readonly cacheIdentity: JsonValue;
  private readonly memory = new TurnMemory();
  private readonly secrets: string[];
  private readonly warned = new Set<string>();
  /** Built once: an SDK model compiles its response schemas when constructed. */
  private readonly sdk: ReturnType<typeof sdkModel>;

  constructor(
    private readonly model: HostedModelSpec,
    apiKey: string | undefined,
    private readonly settings: ProviderSettings,
    private readonly baseUrls: BaseUrlOverrides,
    private readonly onWarning: (message: string) => void = () => {},
  ) {
    this.spec = specString(model);
    this.family = familyOf(model).toLowerCase();
    this.endpoint = endpointOf(model, baseUrls);
    this.cacheIdentity = {
      reasoningEffort: settings.reasoningEffort ?? null,
      thinkingBudget: settings.thinkingBudget ?? null,
      maxOutputTokens: settings.maxOutputTokens ?? null,
    };
    this.secrets = apiKey ? [apiKey] : [];
    this.sdk = sdkModel(model, apiKey, settings, baseUrls, () => `sdk_${sdkIdCounter++}`);
  }

  async call(request: ModelRequest, signal: AbortSignal): Promise<BackendTurn> {
    const { model, providerOptions } = this.sdk;
    const { system, messages } = toModelMessages(request.messages, this.memory);
    const tools = request.tools.length > 0 ? providerToolSet(request.tools) : undefined;
    const maxOutputTokens = request.maxOutputTokens ?? this.settings.maxOutputTokens;
    // The provider's own call, as generateText makes it for one step (no SDK-level retries).
    const result: LanguageModelV3GenerateResult = await model.doGenerate({
      prompt: toProviderPrompt(system, messages),
      ...(tools ? { tools: tools.tools, toolChoice: { type: "auto" as const } } : {}),
      temperature: request.temperature,
      ...(maxOutputTokens !== undefined ? { maxOutputTokens } : {}),
      providerOptions,
      abortSignal: signal,
    });

    for (const warning of result.warnings) {
      const text = "message" in warning && warning.message ? warning.message : JSON.stringify(warning);
      if (!this.warned.has(text)) {
        this.warned.add(text);
        this.onWarning(text);
      }
    }
    // By id, first one winning, as the SDK matches calls to content (ids repeat only when a provider errs).
    const checked = new Map<string, CheckedToolCall>();
    const called: CheckedToolCall[] = [];
    let text = "";
    let reasoning: string | null = null;
    for (const part of result.content) {
      if (part.type === "text") text += part.text;
      else if (part.type === "reasoning") reasoning = (reasoning ?? "") + part.text;
      else if (part.type === "tool-call") {
        if (!checked.has(part.toolCallId)) checked.set(part.toolCallId, checkToolCall(part, tools?.byName ?? new Map()));
        called.push(checked.get(part.toolCallId)!);
      }
    }
    const malformed: MalformedToolCall[] = [];
    const toolCalls: ToolCall[] = called.map((call) => {
      if (!call.invalid) return { id: call.toolCallId, name: call.toolName, args: toJson(call.input) };
      malformed.push({ toolName: call.toolName, detail: redactSecrets(call.error.message, this.secrets) });
      return typeof call.input === "string"
        ? { id: call.toolCallId, name: call.toolName, args: null, invalidArgs: call.input }
        : { id: call.toolCallId, name: call.toolName, args: toJson(call.input) };
    });
    const turn: ModelTurn = {
      text,
      reasoning,
      toolCalls,
      usage: {
        inputTokens: result.usage.inputTokens.total ?? 0,
        outputTokens: result.usage.outputTokens.total ?? 0,
        reasoningTokens: result.usage.outputTokens.reasoning ?? 0,
      },
      finishReason: result.finishReason.unified,
    };
    let assistant = responseMessage(result.content, checked);
    if (this.model.provider === "google" && toolCalls.length > 0) {
      const idFor = requestIds(request);
      const renamed = new Map(toolCalls.map((call, i) => [call.id, idFor(i)]));
      for (const call of toolCalls) call.id = renamed.get(call.id) ?? call.id;
      if (assistant && typeof assistant.content !== "string") {
        assistant = {
          ...assistant,
          content: assistant.content.map((part) => (part.type === "tool-call" ? { ...part, toolCallId: renamed.get(part.toolCallId) ?? part.toolCallId } : part)),
        };
      }
    }
    const replay = assistant ? toJson(assistant) : null;
    this.restore({ turn, replay, malformed });
    return { turn, replay, malformed };
  }

  restore(entry: BackendTurn): void {
    if (entry.replay !== null) this.memory.remember(entry.turn, entry.replay as unknown as AssistantModelMessage);
  }

  classify(error: unknown): CallFailure {
    return classifySdkError(error, this.model.provider, this.secrets);
  }
}
