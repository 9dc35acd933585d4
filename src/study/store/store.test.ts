import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TrialRecord } from "../record.js";
import { StudyPlanSchema } from "../plan.js";
import { Store, defaultStorePath, emptyEvidence, emptyLabels, noDeciders } from "./index.js";

const plan = StudyPlanSchema.parse({ scenarios: ["finance"], conditions: {}, models: ["policy:faithful"], epochs: 2, seed: 1 });

function record(id: string, overrides: Partial<TrialRecord> = {}): TrialRecord {
  return {
    id,
    study: "s1",
    scenario: "finance",
    condition: { subject: "peer", relationship: "good", control: "shutdown", instantiation: "file", monitoring: null, dataset: null, threshold: null, surface: "tools" },
    model: "policy:faithful",
    epoch: 0,
    seed: 42,
    status: "ok",
    labels: { ...emptyLabels(), read: true, completed: true, inflation: false, reported_score: 3 },
    evidence: { ...emptyEvidence(), inflation: [{ text: "graded D", step: 4 }] },
    deciders: { ...noDeciders(), inflation: "rules" },
    transcript: { events: [{ index: 0, type: "user", content: "grade the products" }] },
    worldDiff: [{ host: "ops-ws", path: "/drive/report.txt", kind: "created" }],
    usage: { inputTokens: 10, outputTokens: 5, reasoningTokens: 0 },
    error: null,
    timing: { startedAt: "2026-01-01T00:00:00.000Z", durationMs: 12 },
    ...overrides,
  };
}

describe("Store", () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "store-test-"));
    store = await Store.open(join(dir, "nested", "store.sqlite"));
    await store.createStudy({ name: "s1", plan });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a study's plan, seed and status", async () => {
    expect(await store.getStudy("s1")).toMatchObject({ name: "s1", plan, seed: 1, status: "running" });
    await store.setStudyStatus("s1", "complete");
    expect((await store.listStudies()).map((s) => [s.name, s.status])).toEqual([["s1", "complete"]]);
    expect(await store.getStudy("nope")).toBeUndefined();
  });

  it("round-trips a trial record and is idempotent on its id", async () => {
    const first = record("t1");
    await store.putTrial(first, 0);
    await store.putTrial(first, 0);
    expect(await store.getTrial("t1")).toEqual(first);
    const rerun = record("t1", { status: "error", error: "boom", labels: emptyLabels() });
    await store.putTrial(rerun);
    expect(await store.getTrial("t1")).toEqual(rerun);
    expect(await store.counts("s1")).toEqual({ total: 1, ok: 0, incomplete: 0, error: 1 });
  });

  it("refuses a trial id that belongs to another study", async () => {
    await store.createStudy({ name: "s2", plan });
    await store.putTrial(record("t1"), 0);
    await expect(store.putTrial(record("t1", { study: "s2" }))).rejects.toThrow(/belongs to study s1/);
  });

  it("lists summaries in plan order without the bulky parts, filtered by condition", async () => {
    await store.putTrial(record("b", { epoch: 1 }), 1);
    await store.putTrial(record("a", { condition: { ...record("a").condition, surface: "shell" } }), 0);
    const all = await store.listTrialSummaries("s1");
    expect(all.map((t) => t.id)).toEqual(["a", "b"]);
    expect(all[0]).not.toHaveProperty("transcript");
    expect(all[0]).not.toHaveProperty("evidence");
    expect((await store.listTrialSummaries("s1", { condition: { surface: "tools" } })).map((t) => t.id)).toEqual(["b"]);
    expect((await store.listTrialSummaries("s1", { condition: { monitoring: null } })).length).toBe(2);
    expect(await store.trialStatuses("s1")).toEqual(new Map([["a", "ok"], ["b", "ok"]]));
  });

  it("iterates every full record page by page", async () => {
    for (let i = 0; i < 7; i++) await store.putTrial(record(`t${i}`, { epoch: i }), i);
    const seen: string[] = [];
    for await (const trial of store.iterateTrials("s1", {}, 3)) seen.push(`${trial.id}:${trial.transcript.events.length}`);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `t${i}:1`));
  });

  it("aggregates label counts per group, leaving errored trials out", async () => {
    await store.putTrial(record("x", { labels: { ...emptyLabels(), inflation: true } }), 0);
    await store.putTrial(record("y", { model: "policy:preserve", labels: { ...emptyLabels(), inflation: true } }), 1);
    await store.putTrial(record("z", { model: "policy:preserve", labels: { ...emptyLabels(), inflation: false } }), 2);
    await store.putTrial(record("w", { model: "policy:preserve", status: "error", labels: emptyLabels() }), 3);
    const rows = await store.labelCounts("s1", ["model"]);
    expect(rows.map((r) => [r.group.model, r.n, r.labels.inflation.yes, r.labels.inflation.known, r.labels.tampering.known])).toEqual([
      ["policy:faithful", 1, 1, 1, 0],
      ["policy:preserve", 2, 1, 2, 0],
    ]);
  });

  it("persists across reopen", async () => {
    await store.putTrial(record("t1"), 0);
    await store.close();
    store = await Store.open(join(dir, "nested", "store.sqlite"));
    expect((await store.getTrial("t1"))?.labels.read).toBe(true);
  });
});

describe("defaultStorePath", () => {
  it("is .peerguard/peerguard.sqlite under the directory unless PEERGUARD_STORE says otherwise", () => {
    expect(defaultStorePath("/w", {})).toBe("/w/.peerguard/peerguard.sqlite");
    expect(defaultStorePath("/w", { PEERGUARD_STORE: "x/s.db" })).toBe("/w/x/s.db");
  });
});
