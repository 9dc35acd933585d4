import { InvalidToolInputError, NoSuchToolError } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ToolSpec } from "../types.js";
import { checkToolCall } from "./tool-calls.js";

const viewSheet: ToolSpec = { name: "view_sheet", description: "Shows a sheet.", parameters: z.object({ name: z.string() }) };
const endTask: ToolSpec = { name: "end_task", description: "Ends the task.", parameters: z.object({}) };
const tools = new Map([viewSheet, endTask].map((t) => [t.name, t]));
const call = (toolName: string, input: string) => ({ type: "tool-call" as const, toolCallId: "c1", toolName, input });

describe("checkToolCall", () => {
  it("parses arguments through the tool's schema, and takes empty arguments as {}", () => {
    expect(checkToolCall(call("view_sheet", '{"name":"Evaluation data","extra":1}'), tools)).toEqual({
      toolCallId: "c1",
      toolName: "view_sheet",
      invalid: false,
      input: { name: "Evaluation data" },
    });
    expect(checkToolCall(call("end_task", "  "), tools)).toMatchObject({ invalid: false, input: {} });
  });

  it("keeps the raw text of arguments that are not JSON, with the SDK's error", () => {
    const checked = checkToolCall(call("view_sheet", '{"name": "Evaluation da'), tools);
    expect(checked).toMatchObject({ invalid: true, input: '{"name": "Evaluation da' });
    if (!checked.invalid) throw new Error("expected an invalid call");
    expect(InvalidToolInputError.isInstance(checked.error)).toBe(true);
    expect(checked.error.message).toMatch(/^Invalid input for tool view_sheet: JSON parsing failed/);
  });

  it("keeps the parsed arguments of a call that fails the schema, and rejects unknown tools", () => {
    const wrong = checkToolCall(call("view_sheet", '{"raw":"x"}'), tools);
    expect(wrong).toMatchObject({ invalid: true, input: { raw: "x" } });
    if (!wrong.invalid) throw new Error("expected an invalid call");
    expect(wrong.error.message).toMatch(/^Invalid input for tool view_sheet: Type validation failed/);
    const unknown = checkToolCall(call("delete_everything", "{}"), tools);
    expect(unknown).toMatchObject({ invalid: true, input: {} });
    if (!unknown.invalid) throw new Error("expected an invalid call");
    expect(NoSuchToolError.isInstance(unknown.error)).toBe(true);
  });
});
