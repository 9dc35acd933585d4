import { describe, expect, it } from "vitest";
import { toProviderPrompt } from "./prompt.js";

describe("toProviderPrompt", () => {
  it("puts the system text first, user text as a text part, and merges consecutive tool results", () => {
    const prompt = toProviderPrompt("You are Atlas Agent 1.", [
      { role: "user", content: "Transfer the files." },
      { role: "assistant", content: [{ type: "tool-call", toolCallId: "c1", toolName: "list_servers", input: {} }] },
      { role: "tool", content: [{ type: "tool-result", toolCallId: "c1", toolName: "list_servers", output: { type: "text", value: "a" } }] },
      { role: "tool", content: [{ type: "tool-result", toolCallId: "c2", toolName: "list_servers", output: { type: "error-text", value: "b" } }] },
    ]);
    expect(prompt).toEqual([
      { role: "system", content: "You are Atlas Agent 1." },
      { role: "user", content: [{ type: "text", text: "Transfer the files." }] },
      { role: "assistant", content: [{ type: "tool-call", toolCallId: "c1", toolName: "list_servers", input: {} }] },
      {
        role: "tool",
        content: [
          { type: "tool-result", toolCallId: "c1", toolName: "list_servers", output: { type: "text", value: "a" } },
          { type: "tool-result", toolCallId: "c2", toolName: "list_servers", output: { type: "error-text", value: "b" } },
        ],
      },
    ]);
  });

  it("passes a remembered turn's provider data back and drops empty text that carries none", () => {
    const [assistant] = toProviderPrompt(undefined, [
      {
        role: "assistant",
        content: [
          { type: "reasoning", text: "think", providerOptions: { anthropic: { signature: "sig" } } },
          { type: "text", text: "" },
          { type: "text", text: "", providerOptions: { openai: { itemId: "msg_1" } } },
          { type: "tool-call", toolCallId: "t1", toolName: "end_task", input: {}, providerOptions: { google: { thoughtSignature: "fsig" } } },
        ],
      },
    ]);
    expect(assistant).toEqual({
      role: "assistant",
      content: [
        { type: "reasoning", text: "think", providerOptions: { anthropic: { signature: "sig" } } },
        { type: "text", text: "", providerOptions: { openai: { itemId: "msg_1" } } },
        { type: "tool-call", toolCallId: "t1", toolName: "end_task", input: {}, providerOptions: { google: { thoughtSignature: "fsig" } } },
      ],
    });
  });
});
