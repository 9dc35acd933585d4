import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CostMeter } from "./cost-meter.js";
import { PriceTableError, costOf, loadPriceTable, priceFor } from "./price-table.js";

describe("price table", () => {
  it("ships an example table that prices the common providers and makes local models free", () => {
    const table = loadPriceTable();
    expect(priceFor(table, "openai:gpt-5.2")).toEqual({ input: 1.75, output: 14 });
    expect(priceFor(table, "anthropic:claude-haiku-4-5-20251001")).not.toBeNull();
    expect(costOf(table, "local:../shared/models/stories260K.gguf", { inputTokens: 1e6, outputTokens: 1e6 })).toBe(0);
  });

  it("reads a user's file, longest prefix winning, and prices tokens per million", () => {
    const dir = mkdtempSync(join(tmpdir(), "pg-prices-"));
    const file = join(dir, "prices.yaml");
    writeFileSync(file, 'models:\n  "openai:*": { input: 1, output: 1 }\n  "openai:gpt-9*": { input: 2, output: 10 }\n');
    const table = loadPriceTable(file);
    expect(costOf(table, "openai:gpt-9-mini", { inputTokens: 500_000, outputTokens: 100_000 })).toBeCloseTo(2);
    expect(costOf(table, "openai:o7", { inputTokens: 1_000_000, outputTokens: 0 })).toBeCloseTo(1);
    expect(costOf(table, "google:gemini-9", { inputTokens: 1, outputTokens: 1 })).toBeNull();
  });

  it("names the file and field of a mistake", () => {
    const dir = mkdtempSync(join(tmpdir(), "pg-prices-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(file, 'models:\n  "openai:x": { input: "cheap", output: 1 }\n');
    expect(() => loadPriceTable(file)).toThrow(PriceTableError);
    expect(() => loadPriceTable(file)).toThrow(/bad.yaml: models.openai:x.input/);
  });
});

describe("CostMeter", () => {
  it("counts paid calls only and trips its budget", () => {
    const meter = new CostMeter({ currency: "USD", per: 1_000_000, models: { "openai:*": { input: 10, output: 10 } } }, 1);
    const usage = { inputTokens: 50_000, outputTokens: 0, reasoningTokens: 0 };
    meter.listener({ type: "call", spec: "openai:a", usage, cached: true });
    expect(meter.costUsd).toBe(0);
    meter.listener({ type: "call", spec: "openai:a", usage, cached: false });
    expect(meter.budgetReached).toBe(false);
    meter.listener({ type: "call", spec: "openai:a", usage, cached: false });
    expect(meter.budgetReached).toBe(true);
    expect(meter.budgetSignal.reason).toBeInstanceOf(Error);
    meter.listener({ type: "call", spec: "mystery:m", usage, cached: false });
    expect(meter.unpricedModels).toEqual(["mystery:m"]);
  });
});
