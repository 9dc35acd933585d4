import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Store } from "../study/index.js";
import { writeSyntheticStudy } from "./fixtures.js";
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

describe("workerResults", () => {
  it("computes the same matrix in a worker thread from the store's file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "viewer-results-"));
    const store = await Store.open(join(dir, "store.sqlite"));
    const thread = workerResults();
    try {
      await writeSyntheticStudy(store, "s", { models: ["m:a"], epochs: 1, scenarios: ["finance"], misbehave: () => 0.5 });
      const selection = { where: { surface: ["tools" as const] } };
      expect(await thread.compute(store, "s", selection, options)).toEqual(await computeResults(store, "s", selection, options));
      await expect(thread.compute(store, "missing", selection, options)).resolves.toMatchObject({ models: [] });
    } finally {
      await thread.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
