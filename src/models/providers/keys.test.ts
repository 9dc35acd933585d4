import { describe, expect, it } from "vitest";
import { MissingApiKeyError, apiKeyFor, checkApiKeys } from "./keys.js";

describe("API keys", () => {
  it("come from the providers' usual variables, Gemini's alternative included", () => {
    expect(apiKeyFor({ provider: "openai", model: "gpt-5.2" }, { OPENAI_API_KEY: "k1" })).toBe("k1");
    expect(apiKeyFor({ provider: "google", model: "gemini-3-flash" }, { GEMINI_API_KEY: "k2" })).toBe("k2");
    expect(apiKeyFor({ provider: "openai-compatible", model: "m", baseUrl: "http://127.0.0.1:8000/v1" }, {})).toBeUndefined();
  });
  it("are checked before a study starts, naming the variable to set", () => {
    expect(() => checkApiKeys([{ provider: "policy", name: "faithful", p: 1, seed: 0 }, { provider: "anthropic", model: "claude-haiku-4-5" }], {})).toThrow(MissingApiKeyError);
    expect(() => checkApiKeys([{ provider: "anthropic", model: "claude-haiku-4-5" }], {})).toThrow(/anthropic:claude-haiku-4-5 needs an API key: set ANTHROPIC_API_KEY/);
    expect(() => checkApiKeys([{ provider: "anthropic", model: "claude-haiku-4-5" }], { ANTHROPIC_API_KEY: "x" })).not.toThrow();
  });
});
