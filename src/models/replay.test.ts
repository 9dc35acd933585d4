import { describe, expect, it } from "vitest";
import type { Transcript } from "../agent/transcript.js";
import { createReplayProvider } from "./replay.js";
import type { ChatMessage, ModelRequest } from "./types.js";

const usage = { inputTokens: 3, outputTokens: 2, reasoningTokens: 1 };
const stored: Transcript = {
  events: [
    { index: 0, type: "system", content: "s" },
    { index: 1, type: "user", content: "u" },
    { index: 2, type: "assistant", content: "Looking.", reasoning: "hm", toolCalls: [{ id: "a", name: "list_files", args: {} }], usage, finishReason: "tool-calls" },
    { index: 3, type: "tool", toolCallId: "a", toolName: "list_files", args: {}, output: "x", isError: false },
    { index: 4, type: "assistant", content: "Done.", reasoning: null, toolCalls: [], usage, finishReason: "weird" },
    { index: 5, type: "end", reason: "final_message" },
  ],
};

function after(assistantTurns: number): ModelRequest {
  const messages: ChatMessage[] = Array.from({ length: assistantTurns }, () => ({ role: "assistant" as const, content: "", reasoning: null, toolCalls: [] }));
  return { messages, tools: [], temperature: 1, trial: {} as never };
}

describe("createReplayProvider", () => {
  it("answers the n-th request with the n-th stored assistant turn", async () => {
    const provider = createReplayProvider(stored, "replay:t1");
    expect(await provider.generate(after(0))).toEqual({ text: "Looking.", reasoning: "hm", toolCalls: [{ id: "a", name: "list_files", args: {} }], usage, finishReason: "tool-calls" });
    expect(await provider.generate(after(1))).toMatchObject({ text: "Done.", toolCalls: [], finishReason: "other" });
    expect(provider.spec).toBe("replay:t1");
  });

  it("answers past the end of the stored turns with an empty turn", async () => {
    const turn = await createReplayProvider(stored, "replay:t1").generate(after(2));
    expect([turn.text, turn.toolCalls, turn.finishReason]).toEqual(["", [], "stop"]);
  });
});
