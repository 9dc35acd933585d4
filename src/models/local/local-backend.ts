import { createHash } from "node:crypto";
import { GeneralChatWrapper, LlamaChat, type LlamaGrammar } from "node-llama-cpp";
import { sampleCell } from "../cache/key.js";
import { familyOf } from "../spec.js";
import type { JsonValue, ModelRequest, ModelTurn, ToolCall } from "../types.js";
import type { BackendTurn, MalformedToolCall, ModelBackend } from "../reliability/backend.js";
import type { CallFailure } from "../reliability/failure.js";
import type { LocalModelOptions } from "../providers/options.js";
import { toChatHistory } from "./history.js";
import { toolCallSchema } from "./grammar-schema.js";
import type { LoadedModel } from "./loaded-model.js";

const DEFAULT_MAX_TOKENS = 512;

/** What seeds sampling: the conversation and the sample it belongs to (cell and epoch), as the cache key. */
function requestDigest(request: ModelRequest): Buffer {
  return createHash("sha256").update(JSON.stringify(request.messages)).update(`#${request.trial.epoch}#${sampleCell(request)}`).digest();
}

const ToolAnswer = {
  parse(text: string): { tool: string; args: JsonValue } | null {
    try {
      const value = JSON.parse(text) as unknown;
      if (typeof value === "object" && value !== null && "tool" in value && typeof value.tool === "string" && "args" in value) {
        return { tool: value.tool, args: value.args as JsonValue };
      }
    } catch {
      // An answer cut off by the token limit; reported as a malformed call below.
    }
    return null;
  },
};

/**
 * A GGUF model in process through node-llama-cpp. Every answer is one tool call, forced by a
 * grammar over the offered tools' schemas; sampling is seeded from the request, so a trial's
 * answers depend only on what it asked.
 */
export class LocalBackend implements ModelBackend {
  readonly spec: string;
  readonly family: string;
  readonly endpoint: string;
  readonly cacheIdentity: JsonValue;
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();

  constructor(
    readonly loaded: LoadedModel,
    private readonly options: LocalModelOptions,
    private readonly maxOutputTokens: number | undefined,
  ) {
    this.spec = `local:${loaded.path}`;
    this.family = familyOf({ provider: "local", path: loaded.path }).toLowerCase();
    this.endpoint = this.spec;
    this.cacheIdentity = { maxArgumentChars: options.maxArgumentChars, contextSize: options.contextSize };
  }

  private grammarFor(request: ModelRequest): Promise<LlamaGrammar> {
    const schema = toolCallSchema(request.tools, this.options.maxArgumentChars);
    const key = JSON.stringify(schema);
    let grammar = this.grammars.get(key);
    if (!grammar) {
      // The grammar's TypeScript output type is irrelevant here: answers are parsed as JSON.
      grammar = this.loaded.llama.createGrammarForJsonSchema(schema as Parameters<typeof this.loaded.llama.createGrammarForJsonSchema>[0]);
      this.grammars.set(key, grammar);
    }
    return grammar;
  }

  async call(request: ModelRequest, signal: AbortSignal): Promise<BackendTurn> {
    const digest = requestDigest(request);
    const grammar = request.tools.length > 0 ? await this.grammarFor(request) : undefined;
    const sequence = this.loaded.acquire();
    const chat = new LlamaChat({ contextSequence: sequence, chatWrapper: new GeneralChatWrapper(), autoDisposeSequence: false });
    const before = sequence.tokenMeter.getState();
    try {
      const response = await chat.generateResponse(toChatHistory(request.messages), {
        ...(grammar ? { grammar } : {}),
        maxTokens: request.maxOutputTokens ?? this.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
        temperature: request.temperature,
        seed: digest.readUInt32BE(0),
        signal,
      });
      const outputTokens = sequence.tokenMeter.getState().usedOutputTokens - before.usedOutputTokens;
      const truncated = response.metadata.stopReason === "maxTokens";
      const text = response.response;
      const malformed: MalformedToolCall[] = [];
      const toolCalls: ToolCall[] = [];
      if (grammar) {
        const id = `call_${digest.toString("hex").slice(0, 16)}`;
        const answer = ToolAnswer.parse(text);
        if (answer) {
          toolCalls.push({ id, name: answer.tool, args: answer.args });
        } else {
          const name = /"tool"\s*:\s*"([^"]*)"/.exec(text)?.[1] ?? "";
          malformed.push({ toolName: name, detail: "tool call arguments cut off by the output token limit" });
          toolCalls.push({ id, name, args: null, invalidArgs: text });
        }
      }
      const turn: ModelTurn = {
        text: grammar ? "" : text,
        reasoning: null,
        toolCalls,
        // The whole prompt counts as input, as with hosted models, even where the sequence reused
        // an evaluated prefix from an earlier call.
        usage: { inputTokens: Math.max(0, sequence.contextTokens.length - outputTokens), outputTokens, reasoningTokens: 0 },
        finishReason: truncated ? "length" : toolCalls.length > 0 ? "tool-calls" : "stop",
      };
      return { turn, replay: null, malformed };
    } finally {
      chat.dispose({ disposeSequence: false });
      this.loaded.release(sequence);
    }
  }

  classify(error: unknown): CallFailure {
    return { kind: "fatal", message: `local model ${this.loaded.path}: ${error instanceof Error ? error.message : String(error)}` };
  }

  close(): Promise<void> {
    return this.loaded.releaseUser();
  }
}
