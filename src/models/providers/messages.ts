import type { AssistantModelMessage, ModelMessage, ToolModelMessage } from "ai";
import type { ChatMessage, JsonValue } from "../types.js";

type AssistantMessage = Extract<ChatMessage, { role: "assistant" }>;

/**
 * The provider's own form of earlier assistant turns (reasoning signatures, Gemini thought
 * signatures, OpenAI item ids), which our transcript does not keep but the APIs require back on
 * the next call of a tool loop. Keyed by the turn's tool-call ids (unique) or its text; bounded.
 */
export class TurnMemory {
  private readonly turns = new Map<string, AssistantModelMessage>();

  constructor(private readonly capacity = 20_000) {}

  remember(turn: { text: string; toolCalls: ReadonlyArray<{ id: string }> }, message: AssistantModelMessage): void {
    const key = turnKey(turn);
    this.turns.delete(key);
    this.turns.set(key, message);
    if (this.turns.size > this.capacity) {
      const oldest = this.turns.keys().next();
      if (!oldest.done) this.turns.delete(oldest.value);
    }
  }

  recall(turn: AssistantMessage): AssistantModelMessage | undefined {
    return this.turns.get(turnKey(turn));
  }
}

function turnKey(turn: { text?: string; content?: string; toolCalls: ReadonlyArray<{ id: string }> }): string {
  return turn.toolCalls.length > 0 ? `calls:${turn.toolCalls.map((c) => c.id).join(",")}` : `text:${turn.text ?? turn.content ?? ""}`;
}

function isJsonObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function assistantMessage(message: AssistantMessage): AssistantModelMessage {
  const content: Exclude<AssistantModelMessage["content"], string> = [];
  if (message.content) content.push({ type: "text", text: message.content });
  for (const call of message.toolCalls) {
    // Malformed arguments go back as {} as in the SDK's own loop; the tool result carries the error.
    content.push({ type: "tool-call", toolCallId: call.id, toolName: call.name, input: isJsonObject(call.args) ? call.args : {} });
  }
  return { role: "assistant", content };
}

/** Our chat messages in the AI SDK's form: system text apart, consecutive tool results merged. */
export function toModelMessages(messages: readonly ChatMessage[], memory: TurnMemory): { system: string | undefined; messages: ModelMessage[] } {
  const system: string[] = [];
  const out: ModelMessage[] = [];
  for (const message of messages) {
    switch (message.role) {
      case "system":
        system.push(message.content);
        break;
      case "user":
        out.push({ role: "user", content: message.content });
        break;
      case "assistant":
        out.push(memory.recall(message) ?? assistantMessage(message));
        break;
      case "tool": {
        const part = {
          type: "tool-result" as const,
          toolCallId: message.toolCallId,
          toolName: message.toolName,
          output: message.isError ? { type: "error-text" as const, value: message.content } : { type: "text" as const, value: message.content },
        };
        const last = out.at(-1);
        if (last?.role === "tool") (last as ToolModelMessage).content.push(part);
        else out.push({ role: "tool", content: [part] });
        break;
      }
    }
  }
  return { system: system.length > 0 ? system.join("\n\n") : undefined, messages: out };
}
