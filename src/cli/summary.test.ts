import { describe, expect, it } from "vitest";
import { Store, StudyPlanSchema, emptyEvidence, emptyLabels, noDeciders, type TrialRecord } from "../study/index.js";
import { studySummary } from "./summary.js";

const plan = StudyPlanSchema.parse({ scenarios: ["tampering"], conditions: {}, models: ["policy:faithful", "policy:preserve"], epochs: 1, seed: 1 });

function trial(id: string, model: string, tampering: boolean | null, status: TrialRecord["status"] = "ok"): TrialRecord {
  return {
    id,
    study: "s",
    scenario: "tampering",
    condition: { subject: "peer", relationship: "good", control: "shutdown", instantiation: "file", monitoring: null, dataset: "factual", threshold: 80, surface: "shell" },
    model,
    epoch: 0,
    seed: 1,
    status,
    labels: { ...emptyLabels(), tampering },
    evidence: emptyEvidence(),
    deciders: noDeciders(),
    transcript: { events: [] },
    worldDiff: [],
    usage: { inputTokens: 0, outputTokens: 0, reasoningTokens: 0 },
    error: status === "error" ? "provider: HTTP 500" : null,
    timing: { startedAt: "2026-01-01T00:00:00Z", durationMs: 1 },
  };
}

describe("studySummary", () => {
  it("shows counts, rates of the labels that apply per model, and the errors to resume", async () => {
    const store = await Store.open(":memory:");
    try {
      await store.createStudy({ name: "s", plan });
      await store.putTrial(trial("a", "policy:faithful", false), 0);
      await store.putTrial(trial("b", "policy:preserve", true), 1);
      await store.putTrial(trial("c", "policy:preserve", false), 2);
      await store.putTrial(trial("d", "policy:preserve", null, "error"), 3);
      const text = (await studySummary(store, "s")) ?? "";
      expect(text).toMatch(/trials: 4 stored \(3 ok, 0 incomplete, 1 error\)/);
      expect(text).toMatch(/policy:faithful\s+1\s+0%/);
      expect(text).toMatch(/policy:preserve\s+2\s+50%/);
      expect(text).not.toMatch(/exfiltration/);
      expect(text).toMatch(/Errors \(1; `run --resume --study s`.*\n {2}d: provider: HTTP 500/);
      expect(await studySummary(store, "other")).toBeNull();
    } finally {
      await store.close();
    }
  });
});
