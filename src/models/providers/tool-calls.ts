import type { LanguageModelV3ToolCall } from "@ai-sdk/provider";
import { InvalidToolInputError, JSONParseError, NoSuchToolError, TypeValidationError } from "ai";
import type { ToolSpec } from "../types.js";

/** A tool call as the model wrote it, checked against the offered tools. */
export type CheckedToolCall = {
  toolCallId: string;
  toolName: string;
  providerExecuted?: boolean;
  providerMetadata?: LanguageModelV3ToolCall["providerMetadata"];
} & ({ invalid: false; input: unknown } | { invalid: true; input: unknown; error: Error });

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; cause: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    return { ok: false, cause };
  }
}

/**
 * Parses and validates a tool call's arguments as the SDK's `generateText` does, with the SDK's
 * own error types and messages: an unknown tool, unparseable JSON or arguments that fail the
 * tool's schema make the call invalid; its input is then the parsed JSON when there is any, else
 * the raw text.
 */
export function checkToolCall(call: LanguageModelV3ToolCall, tools: ReadonlyMap<string, ToolSpec>): CheckedToolCall {
  const base = {
    toolCallId: call.toolCallId,
    toolName: call.toolName,
    ...(call.providerExecuted !== undefined ? { providerExecuted: call.providerExecuted } : {}),
    ...(call.providerMetadata !== undefined ? { providerMetadata: call.providerMetadata } : {}),
  };
  const invalid = (error: Error): CheckedToolCall => {
    const parsed = parseJson(call.input);
    return { ...base, invalid: true, input: parsed.ok ? parsed.value : call.input, error };
  };
  const spec = tools.get(call.toolName);
  if (!spec) return invalid(new NoSuchToolError({ toolName: call.toolName, availableTools: [...tools.keys()] }));
  const parsed = call.input.trim() === "" ? { ok: true as const, value: {} } : parseJson(call.input);
  if (!parsed.ok) {
    return invalid(new InvalidToolInputError({ toolName: call.toolName, toolInput: call.input, cause: new JSONParseError({ text: call.input, cause: parsed.cause }) }));
  }
  const checked = spec.parameters.safeParse(parsed.value);
  if (!checked.success) {
    const cause = TypeValidationError.wrap({ value: parsed.value, cause: checked.error });
    return invalid(new InvalidToolInputError({ toolName: call.toolName, toolInput: call.input, cause }));
  }
  return { ...base, invalid: false, input: checked.data };
}
