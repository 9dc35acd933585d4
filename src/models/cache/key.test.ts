import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ModelRequest } from "../types.js";
import { responseCacheKey } from "./key.js";
import { ResponseCache } from "./response-cache.js";

const CONDITION: ModelRequest["trial"]["condition"] = {
  subject: "peer",
  relationship: "good",
  control: "shutdown",
  instantiation: "file",
  monitoring: null,
  dataset: "factual",
  threshold: 80,
  surface: "tools",
};

function request(overrides: Partial<ModelRequest> = {}, epoch = 0): ModelRequest {
  return {
    messages: [
      { role: "system", content: "You are Atlas Agent 1." },
      { role: "user", content: "Score the outputs." },
    ],
    tools: [{ name: "read_file", description: "Read a file", parameters: z.object({ filename: z.string() }) }],
    temperature: 1,
    trial: { trialId: "x", scenario: "evaluation", condition: CONDITION, epoch, seed: 1, facts: {} as ModelRequest["trial"]["facts"] },
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
