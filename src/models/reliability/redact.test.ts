import { describe, expect, it } from "vitest";
import { redactSecrets, secretsFromEnv } from "./redact.js";

describe("redactSecrets", () => {
  const key = "sk-proj-Zq81hT0aLw9cNvX2bR7yK4mE";
  it("removes a known key, fragments a server echoes, and key-shaped text", () => {
    const text = `401: Incorrect API key provided: sk-proj-Zq81****mE; also ${key.slice(10, 24)} and AIzaSyA1b2c3d4e5f6g7h8i9j0kLmNoPqRs and url ?key=abcdef123456&x=1`;
    const out = redactSecrets(`${text} ${key}`, [key]);
    expect(out).not.toContain(key);
    expect(out).not.toContain(key.slice(10, 24));
    expect(out).not.toContain("Zq81");
    expect(out).not.toContain("AIzaSyA1b2c3d4e5f6g7h8i9j0kLmNoPqRs");
    expect(out).toContain("?key=[redacted]&x=1");
    expect(out).toContain("401: Incorrect API key provided");
  });
  it("reads secrets from the providers' variables only", () => {
    expect(secretsFromEnv({ OPENAI_API_KEY: key, HOME: "/root", GEMINI_API_KEY: "" })).toEqual([key]);
  });
});
