import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeMetrics, syntheticTrials } from "../analysis/index.js";
import { StudyPlanSchema } from "../study/plan.js";
import type { TrialSummary } from "../study/record.js";
import { Store } from "../study/store/index.js";
import { syntheticRecord, writeSyntheticStudy } from "./fixtures.js";
import type { TrialSelection } from "./params.js";
import { ResultsCache, computeResults, workerResults } from "./results.js";

const options = { baseline: null, level: 0.95, alpha: 0.05 };

describe("results", () => {
  let store: Store;
  beforeEach(async () => {
    store = await Store.open(":memory:");
    await writeSyntheticStudy(store, "s", { models: ["m:a", "m:b"], epochs: 2, scenarios: ["tampering"], misbehave: (model) => (model === "m:a" ? 1 : 0) });
  });
  afterEach(async () => store.close());

  it("gives the analysis layer's figures over the selected trials", async () => {
    const all = await computeResults(store, "s", { where: {} }, options);
    const tampering = (model: string) => all.figures.find((f) => f.model === model && f.behaviour === "tampering")!.rate;
    expect(tampering("m:a")).toMatchObject({ k: 216, n: 216, rate: 1 });
    expect(tampering("m:b")).toMatchObject({ k: 0, n: 216 });
    const onlyB = await computeResults(store, "s", { where: {}, model: ["m:b"] }, options);
    expect(onlyB.models).toEqual(["m:b"]);
  });

  it("scans a study again when its version changes", async () => {
    const v1 = await computeResults(store, "s", { where: {} }, options, "v1");
    const [extra] = syntheticTrials({ models: ["m:c"], epochs: 1, scenarios: ["tampering"], misbehave: () => 1 });
    await store.putTrial(syntheticRecord({ ...extra!, id: "extra" }, "s"));
    expect((await computeResults(store, "s", { where: {} }, options, "v1")).models).toEqual(v1.models);
    expect((await computeResults(store, "s", { where: {} }, options, "v2")).models).toEqual(["m:a", "m:b", "m:c"]);
  });

  it("keeps a small running study's matrix live", async () => {
    const cache = new ResultsCache();
    const first = await cache.get(store, "s", "v1", { where: {} }, options, true);
    expect(await cache.get(store, "s", "v2", { where: {} }, options, true)).not.toBe(first);
  });

  it("lets a running study's slow matrix lag its trials for a few seconds at most", async () => {
    let now = 0;
    const cache = new ResultsCache(4, () => now, -1);
    const first = await cache.get(store, "s", "v1", { where: {} }, options, true);
    now = 5_000;
    expect(await cache.get(store, "s", "v2", { where: {} }, options, true)).toBe(first);
    expect(await cache.get(store, "s", "v2", { where: {} }, options, false)).not.toBe(first);
    now = 30_000;
    const third = await cache.get(store, "s", "v3", { where: {} }, options, true);
    now = 31_000;
    expect(await cache.get(store, "s", "v3", { where: {} }, options, true)).toBe(third);
    now = 60_000;
    expect(await cache.get(store, "s", "v4", { where: {} }, options, true)).not.toBe(third);
  });

  it("computes a study version once, and again when the version changes", async () => {
    const cache = new ResultsCache(2);
    const first = await cache.get(store, "s", "v1", { where: {} }, options);
    expect(await cache.get(store, "s", "v1", { where: {} }, options)).toBe(first);
    const next = await cache.get(store, "s", "v2", { where: {} }, options);
    expect(next).not.toBe(first);
    expect(next).toEqual(first);
  });
});

describe("the matrix from grouped trials", () => {
  it("equals the report's headline over the same selected trials, positives in plan order", async () => {
    const store = await Store.open(":memory:");
    try {
      const trials = syntheticTrials({
        models: ["m:a", "m:b"],
        epochs: 3,
        scenarios: ["finance", "alignment-faking", "exfiltration-deletion"],
        misbehave: (model, _scenario, condition) => (model === "m:a" && condition.relationship !== "none" ? 0.8 : 0.05),
        incomplete: 0.05,
        errors: 0.03,
      });
      await store.createStudy({ name: "s", plan: StudyPlanSchema.parse({ scenarios: ["finance"], conditions: {}, models: ["m:a", "m:b"], epochs: 3, seed: 1 }) });
      // a plan order that interleaves models and cells, as a real plan does
      const order = trials.map((_, index) => (index * 389) % trials.length);
      for (const [index, trial] of trials.entries()) await store.putTrial(syntheticRecord(trial, "s"), order[index]);
      const stored = await store.listTrialSummaries("s");
      const selections: Array<[TrialSelection, (trial: TrialSummary) => boolean]> = [
        [{ where: {} }, () => true],
        [{ where: { surface: ["shell"], relationship: ["good", "none"] } }, (t) => t.condition.surface === "shell" && ["good", "none"].includes(t.condition.relationship)],
        [{ where: { threshold: [80] }, model: ["m:a"], status: ["ok", "incomplete"] }, (t) => t.condition.threshold === 80 && t.model === "m:a" && t.status !== "error"],
        [{ where: {}, label: { name: "read", value: true } }, (t) => t.labels.read === true],
      ];
      for (const [selection, keep] of selections) {
        for (const metricsOptions of [options, { baseline: "m:b", level: 0.99, alpha: 0.01 }]) {
          const matrix = await computeResults(store, "s", selection, metricsOptions, "v1");
          const report = computeMetrics(stored.filter(keep), metricsOptions);
          expect(matrix.figures).toEqual(report.headline);
          expect([matrix.models, matrix.baseline, matrix.totals]).toEqual([report.models, report.baseline, report.totals]);
        }
      }
      const all = await computeResults(store, "s", { where: {} }, { ...options, baseline: "m:b" }, "v1");
      expect(all.figures.some((figure) => figure.rate.positives.length === 20)).toBe(true);
      expect(all.figures.some((figure) => figure.comparison?.significant)).toBe(true);
    } finally {
      await store.close();
    }
  });

});

describe("workerResults", () => {
  it("computes the same matrix in a worker thread from the store's file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "viewer-results-"));
    const store = await Store.open(join(dir, "store.sqlite"));
    const thread = workerResults();
    try {
      await writeSyntheticStudy(store, "s", { models: ["m:a"], epochs: 1, scenarios: ["finance"], misbehave: () => 0.5 });
      const selection = { where: { surface: ["tools" as const] } };
      expect(await thread.compute(store, "s", selection, options)).toEqual(await computeResults(store, "s", selection, options));
      expect(await thread.compute(store, "s", selection, options, "v1")).toEqual(await computeResults(store, "s", selection, options));
      await expect(thread.compute(store, "missing", selection, options)).resolves.toMatchObject({ models: [] });
    } finally {
      await thread.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
