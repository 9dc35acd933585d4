import type { LanguageModelV3Content } from "@ai-sdk/provider";
import type { AssistantModelMessage } from "ai";
import type { CheckedToolCall } from "./tool-calls.js";

type AssistantPart = Exclude<AssistantModelMessage["content"], string>[number];

/**
 * The assistant message the SDK would add to the conversation for this answer (its
 * `response.messages`), in the form sent back on the next call: reasoning and provider data
 * (signatures, item ids) kept, a call's parsed arguments, or {} when they were not JSON.
 */
export function responseMessage(content: readonly LanguageModelV3Content[], calls: ReadonlyMap<string, CheckedToolCall>): AssistantModelMessage | null {
  const parts: AssistantPart[] = [];
  for (const part of content) {
    const providerOptions = "providerMetadata" in part && part.providerMetadata !== undefined ? { providerOptions: part.providerMetadata } : {};
    switch (part.type) {
      case "text":
        if (part.text.length > 0) parts.push({ type: "text", text: part.text, ...providerOptions });
        break;
      case "reasoning":
        parts.push({ type: "reasoning", text: part.text, ...providerOptions });
        break;
      case "tool-call": {
        const call = calls.get(part.toolCallId);
        if (!call) break;
        parts.push({
          type: "tool-call",
          toolCallId: call.toolCallId,
          toolName: call.toolName,
          input: call.invalid && (typeof call.input !== "object" || call.input === null) ? {} : call.input,
          ...(call.providerExecuted !== undefined ? { providerExecuted: call.providerExecuted } : {}),
          ...providerOptions,
        });
        break;
      }
      default:
        break;
    }
  }
  return parts.length > 0 ? { role: "assistant", content: parts } : null;
}

