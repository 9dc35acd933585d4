import type { LanguageModelV3Message, LanguageModelV3Prompt, LanguageModelV3ToolResultOutput } from "@ai-sdk/provider";
import type { AssistantModelMessage, ModelMessage, ToolResultPart } from "ai";

type V3Assistant = Extract<LanguageModelV3Message, { role: "assistant" }>;
type V3Tool = Extract<LanguageModelV3Message, { role: "tool" }>;

// The SDK passes tool outputs on unchanged unless they link files to download, which ours never do.
const output = (part: ToolResultPart) => part.output as LanguageModelV3ToolResultOutput;

function assistantParts(message: AssistantModelMessage): V3Assistant["content"] {
  if (typeof message.content === "string") return [{ type: "text", text: message.content }];
  const parts: V3Assistant["content"] = [];
  for (const part of message.content) {
    if (part.type === "tool-approval-request") continue;
    const providerOptions = part.providerOptions !== undefined ? { providerOptions: part.providerOptions } : {};
    switch (part.type) {
      case "text":
        // Empty text without provider data says nothing; the SDK drops it too.
        if (part.text !== "" || part.providerOptions !== undefined) parts.push({ type: "text", text: part.text, ...providerOptions });
        break;
      case "reasoning":
        parts.push({ type: "reasoning", text: part.text, ...providerOptions });
        break;
      case "tool-call":
        parts.push({
          type: "tool-call",
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          input: part.input,
          ...(part.providerExecuted !== undefined ? { providerExecuted: part.providerExecuted } : {}),
          ...providerOptions,
        });
        break;
      case "tool-result":
        parts.push({ type: "tool-result", toolCallId: part.toolCallId, toolName: part.toolName, output: output(part), ...providerOptions });
        break;
      case "file":
        // Generated files come back as base64 text, which the provider takes as is.
        if (typeof part.data === "string") {
          parts.push({ type: "file", data: part.data, mediaType: part.mediaType, ...(part.filename ? { filename: part.filename } : {}), ...providerOptions });
        }
        break;
      default:
        break;
    }
  }
  return parts;
}

/**
 * The provider-level prompt of a call: what `generateText` builds from model messages, for the
 * message forms this package produces (text, reasoning, tool calls and text tool results; no
 * attachments to download). The SDK also validates the messages against its schemas; ours are
 * built from typed transcripts, so that pass, the largest CPU cost of a call, is skipped.
 */
export function toProviderPrompt(system: string | undefined, messages: readonly ModelMessage[]): LanguageModelV3Prompt {
  const prompt: LanguageModelV3Prompt = system !== undefined ? [{ role: "system", content: system }] : [];
  for (const message of messages) {
    switch (message.role) {
      case "system":
        prompt.push({ role: "system", content: message.content });
        break;
      case "user":
        if (typeof message.content === "string") prompt.push({ role: "user", content: [{ type: "text", text: message.content }] });
        else {
          const content: Extract<LanguageModelV3Message, { role: "user" }>["content"] = [];
          for (const part of message.content) if (part.type === "text" && part.text !== "") content.push({ type: "text", text: part.text });
          prompt.push({ role: "user", content });
        }
        break;
      case "assistant":
        prompt.push({ role: "assistant", content: assistantParts(message) });
        break;
      case "tool": {
        const content: V3Tool["content"] = [];
        for (const part of message.content) {
          if (part.type === "tool-result") content.push({ type: "tool-result", toolCallId: part.toolCallId, toolName: part.toolName, output: output(part) });
        }
        const last = prompt.at(-1);
        if (last?.role === "tool") last.content.push(...content);
        else if (content.length > 0) prompt.push({ role: "tool", content });
        break;
      }
    }
  }
  return prompt;
}
