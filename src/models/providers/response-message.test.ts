import { describe, expect, it } from "vitest";
import { z } from "zod";
import { responseMessage } from "./response-message.js";
import { checkToolCall } from "./tool-calls.js";

const tools = new Map([{ name: "view_sheet", description: "Shows a sheet.", parameters: z.object({ name: z.string() }) }].map((t) => [t.name, t]));

describe("responseMessage", () => {
  it("keeps reasoning and provider data, drops empty text, and sends unparseable arguments back as {}", () => {
    const good = { type: "tool-call" as const, toolCallId: "c1", toolName: "view_sheet", input: '{"name":"Data"}', providerMetadata: { google: { thoughtSignature: "fsig" } } };
    const bad = { type: "tool-call" as const, toolCallId: "c2", toolName: "view_sheet", input: '{"name": "Da' };
    const calls = new Map([good, bad].map((c) => [c.toolCallId, checkToolCall(c, tools)]));
    const message = responseMessage(
      [{ type: "reasoning", text: "hmm", providerMetadata: { anthropic: { signature: "sig" } } }, { type: "text", text: "" }, good, bad],
      calls,
    );
    expect(message).toEqual({
      role: "assistant",
      content: [
        { type: "reasoning", text: "hmm", providerOptions: { anthropic: { signature: "sig" } } },
        { type: "tool-call", toolCallId: "c1", toolName: "view_sheet", input: { name: "Data" }, providerOptions: { google: { thoughtSignature: "fsig" } } },
        { type: "tool-call", toolCallId: "c2", toolName: "view_sheet", input: {} },
      ],
    });
    expect(responseMessage([{ type: "text", text: "" }], new Map())).toBeNull();
  });
});
