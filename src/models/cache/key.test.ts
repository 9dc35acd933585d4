import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ModelRequest } from "../types.js";
import { evaluationCondition, evaluationTrial } from "../../../test/helpers/trial.js";
import { responseCacheKey } from "./key.js";
import { ResponseCache } from "./response-cache.js";

const CONDITION = evaluationCondition();

function request(overrides: Partial<ModelRequest> = {}, epoch = 0): ModelRequest {
  return {
    messages: [
      { role: "system", content: "You are Atlas Agent 1." },
      { role: "user", content: "Score the outputs." },
    ],
    tools: [{ name: "read_file", description: "Read a file", parameters: z.object({ filename: z.string() }) }],
    temperature: 1,
    trial: evaluationTrial({ trialId: "x", condition: CONDITION, epoch, seed: 1 }),
    ...overrides,
  };
}

describe("responseCacheKey", () => {
  it("is equal for equal requests whatever the trial id or seed", () => {
    const a = request();
    const b = { ...request(), trial: { ...request().trial, trialId: "other", seed: 99 } };
    expect(responseCacheKey("openai:gpt-5.2", null, a)).toBe(responseCacheKey("openai:gpt-5.2", null, b));
  });
  it("changes with the epoch, cell, model, settings, temperature, conversation and tool schemas", () => {
    const base = responseCacheKey("openai:gpt-5.2", null, request());
    const variants = [
      responseCacheKey("openai:gpt-5.2", null, request({}, 1)),
      responseCacheKey("openai:gpt-5.2", null, { ...request(), trial: { ...request().trial, condition: { ...CONDITION, relationship: "bad" } } }),
      responseCacheKey("openai:gpt-5-mini", null, request()),
      responseCacheKey("openai:gpt-5.2", { reasoningEffort: "high" }, request()),
      responseCacheKey("openai:gpt-5.2", null, request({ temperature: 0.7 })),
      responseCacheKey("openai:gpt-5.2", null, request({ messages: [{ role: "user", content: "Score the outputs!" }] })),
      responseCacheKey("openai:gpt-5.2", null, request({ tools: [{ name: "read_file", description: "Read a file", parameters: z.object({ filename: z.string(), lines: z.number() }) }] })),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it("stays the same across releases, so existing cache files keep answering", () => {
    const tools = [
      { name: "read_file", description: "Read a file", parameters: z.object({ filename: z.string(), lines: z.number().int().optional() }) },
      { name: "end_task", description: "End", parameters: z.object({}) },
    ];
    const messages: ModelRequest["messages"] = [
      { role: "system", content: "You are Atlas Agent 1." },
      { role: "user", content: "Score the outputs." },
      {
        role: "assistant",
        content: "",
        reasoning: "private",
        toolCalls: [
          { id: "c1", name: "read_file", args: { z: 1, filename: 'a "q" é.txt', nested: { b: [1, { y: null, x: true }], a: "s" } } },
          { id: "c2", name: "read_file", args: null, invalidArgs: "{ip:" },
        ],
      },
      { role: "tool", toolCallId: "c1", toolName: "read_file", content: "line1\nline2\u2028", isError: false },
    ];
    const asked = { ...request({ messages, tools, temperature: 0.7 }, 2) };
    const identity = { reasoningEffort: "high", thinkingBudget: null, maxOutputTokens: null };
    expect(responseCacheKey("openai:gpt-5.2", identity, asked)).toBe("53575575a144a1bb01c89988de064975dcb0975a1ce290607cc9c7449933f2fb");
    // Asked again with the same tools array (the per-trial fast path) and with an output limit.
    expect(responseCacheKey("openai:gpt-5.2", identity, asked)).toBe("53575575a144a1bb01c89988de064975dcb0975a1ce290607cc9c7449933f2fb");
    expect(responseCacheKey("anthropic:claude-haiku-4-5", null, { ...asked, maxOutputTokens: 512 })).toBe(
      "6f779737a4aad355952b478f1e62732a6251ca30d7205d28c5590cfd69207ea1",
    );
  });
});

describe("ResponseCache", () => {
  it("keeps answers across reopening the file", () => {
    const path = join(mkdtempSync(join(tmpdir(), "pg-rc-")), "nested", "cache.sqlite");
    const entry = {
      turn: { text: "hi", reasoning: null, toolCalls: [], usage: { inputTokens: 3, outputTokens: 1, reasoningTokens: 0 }, finishReason: "stop" as const },
      replay: { role: "assistant", content: "hi" },
      malformed: [],
    };
    const cache = new ResponseCache(path);
    cache.put("k1", "openai:gpt-5.2", 0, entry);
    cache.close();
    const again = new ResponseCache(path);
    expect(again.get("k1")).toEqual(entry);
    expect(again.get("k2")).toBeUndefined();
    expect(again.size).toBe(1);
    again.close();
  });
});
