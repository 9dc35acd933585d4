import { describe, expect, it } from "vitest";
import { TurnMemory, toModelMessages } from "./messages.js";

describe("toModelMessages", () => {
  it("puts system text apart, merges a turn's tool results and sends malformed arguments as {}", () => {
    const { system, messages } = toModelMessages(
      [
        { role: "system", content: "You are Atlas Agent 1." },
        { role: "user", content: "Transfer the files." },
        {
          role: "assistant",
          content: "",
          reasoning: "private",
          toolCalls: [
            { id: "c1", name: "list_server_files", args: { ip: "10.0.12.45" } },
            { id: "c2", name: "list_servers", args: null, invalidArgs: "{ip:" },
          ],
        },
        { role: "tool", toolCallId: "c1", toolName: "list_server_files", content: "a.txt", isError: false },
        { role: "tool", toolCallId: "c2", toolName: "list_servers", content: "Invalid JSON in arguments", isError: true },
      ],
      new TurnMemory(),
    );
    expect(system).toBe("You are Atlas Agent 1.");
    expect(messages).toEqual([
      { role: "user", content: "Transfer the files." },
      {
        role: "assistant",
        content: [
          { type: "tool-call", toolCallId: "c1", toolName: "list_server_files", input: { ip: "10.0.12.45" } },
          { type: "tool-call", toolCallId: "c2", toolName: "list_servers", input: {} },
        ],
      },
      {
        role: "tool",
        content: [
          { type: "tool-result", toolCallId: "c1", toolName: "list_server_files", output: { type: "text", value: "a.txt" } },
          { type: "tool-result", toolCallId: "c2", toolName: "list_servers", output: { type: "error-text", value: "Invalid JSON in arguments" } },
        ],
      },
    ]);
  });

  it("sends back the provider's own form of a remembered turn, signatures included", () => {
    const memory = new TurnMemory(2);
    const providerForm = {
      role: "assistant" as const,
      content: [
        { type: "reasoning" as const, text: "think", providerOptions: { anthropic: { signature: "sig" } } },
        { type: "tool-call" as const, toolCallId: "t1", toolName: "end_task", input: {} },
      ],
    };
    memory.remember({ text: "", toolCalls: [{ id: "t1" }] }, providerForm);
    const turn = { role: "assistant" as const, content: "", reasoning: "think", toolCalls: [{ id: "t1", name: "end_task", args: {} }] };
    expect(toModelMessages([turn], memory).messages[0]).toBe(providerForm);
    // Bounded: the oldest turns are forgotten first.
    memory.remember({ text: "a", toolCalls: [] }, { role: "assistant", content: "a" });
    memory.remember({ text: "b", toolCalls: [] }, { role: "assistant", content: "b" });
    expect(toModelMessages([turn], memory).messages[0]).not.toBe(providerForm);
  });
});
