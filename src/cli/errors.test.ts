import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isUserMistake, logFault } from "./errors.js";

const KEY = "sk-proj-0123456789abcdefXYZ";

describe("internal faults and user mistakes", () => {
  it("logs a fault's stack without the secrets it carries", () => {
    const cwd = mkdtempSync(join(tmpdir(), "pg-errors-"));
    const path = logFault(cwd, new Error(`request failed: Authorization: Bearer ${KEY}`), new Date("2026-02-16T09:00:00Z"), [KEY]);
    expect(path).toBe(join(cwd, ".peerguard", "logs", "error-2026-02-16T09-00-00-000Z.log"));
    const text = readFileSync(path ?? "", "utf8");
    expect(text).toMatch(/Error: request failed: Authorization: Bearer \[redacted\]/);
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toContain(KEY.slice(8, 16));
  });

  it("treats a bad price file and a missing key as user mistakes, anything else as a fault", () => {
    const named = (name: string) => Object.assign(new Error("x"), { name });
    expect(isUserMistake(named("PriceTableError"))).toBe(true);
    expect(isUserMistake(named("MissingApiKeyError"))).toBe(true);
    expect(isUserMistake(new TypeError("x"))).toBe(false);
  });
});
