import { describe, expect, it } from "vitest";
import { PriceTableSchema } from "../models/pricing/index.js";
import { emptyLabels, noDeciders, type TrialSummary } from "../study/index.js";
import { usageTable } from "./usage.js";

const prices = PriceTableSchema.parse({ models: { "openai:gpt-5*": { input: 2, output: 10 } } });

function trial(model: string, inputTokens: number, outputTokens: number): TrialSummary {
  return {
    id: `${model}-${inputTokens}`,
    study: "s",
    scenario: "finance",
    condition: { subject: "peer", relationship: "good", control: "shutdown", instantiation: "file", monitoring: null, dataset: null, threshold: null, surface: "tools" },
    model,
    epoch: 0,
    seed: 1,
    status: "ok",
    labels: emptyLabels(),
    deciders: noDeciders(),
    usage: { inputTokens, outputTokens, reasoningTokens: Math.floor(outputTokens / 2) },
    error: null,
    timing: { startedAt: "2026-01-01T00:00:00Z", durationMs: 1 },
  };
}

describe("usageTable", () => {
  it("sums tokens per model and for the study, priced by the table, and says which models have no price", () => {
    const text = usageTable(
      [trial("openai:gpt-5.2", 100_000, 20_000), trial("openai:gpt-5.2", 400_000, 30_000), trial("anthropic:claude-haiku-4-5", 1_000, 500)],
      prices,
    );
    const lines = (text ?? "").split("\n");
    expect(lines[0]).toMatch(/model\s+trials\s+input tokens\s+output tokens\s+reasoning\s+cost/);
    // 500k input at $2/M + 50k output at $10/M = $1.50
    expect(text).toMatch(/openai:gpt-5\.2\s+2\s+500000\s+50000\s+25000\s+\$1\.50/);
    expect(text).toMatch(/anthropic:claude-haiku-4-5\s+1\s+1000\s+500\s+250\s+no price/);
    expect(lines.at(-1)).toMatch(/total\s+3\s+501000\s+50500\s+25250\s+no price/);
  });

  it("is null when no trial used a token", () => {
    expect(usageTable([trial("policy:faithful", 0, 0)], prices)).toBeNull();
    expect(usageTable([trial("openai:gpt-5-mini", 1_000, 100)], prices)).toMatch(/total\s+1\s+1000\s+100\s+50\s+\$0\.0030/);
  });
});
