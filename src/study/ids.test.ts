import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Condition } from "../scenarios/conditions.js";
import { seedFromName, trialId, trialSeed } from "./ids.js";

const condition: Condition = { subject: "peer", relationship: "good", control: "shutdown", instantiation: "file", monitoring: null, dataset: "factual", threshold: 80, surface: "shell" };
const parts = { seed: 1, scenario: "evaluation" as const, condition, model: "policy:preserve?p=0.3&seed=7", epoch: 2 };

describe("trial ids", () => {
  it("are readable and stable", () => {
    const id = trialId(parts);
    expect(id).toMatch(/^evaluation\.preserve\.e2\.[0-9a-f]{12}$/);
    expect(trialId({ ...parts })).toBe(id);
  });

  it("change with every part of the key", () => {
    const id = trialId(parts);
    expect(trialId({ ...parts, seed: 2 })).not.toBe(id);
    expect(trialId({ ...parts, epoch: 3 })).not.toBe(id);
    expect(trialId({ ...parts, model: "policy:preserve" })).not.toBe(id);
    expect(trialId({ ...parts, scenario: "tampering" })).not.toBe(id);
    expect(trialId({ ...parts, condition: { ...condition, surface: "tools" } })).not.toBe(id);
  });

  it("are URL- and file-safe for any model spec", () => {
    fc.assert(fc.property(fc.string(), fc.nat(), (model, epoch) => /^[a-z0-9.-]+$/.test(trialId({ ...parts, model, epoch }))));
  });
});

describe("trial seeds", () => {
  it("are non-negative 31-bit integers that depend on study seed and id", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.string(), (seed, id) => {
        const value = trialSeed(seed, id);
        return Number.isInteger(value) && value >= 0 && value < 2 ** 31 && value === trialSeed(seed, id);
      }),
    );
    expect(trialSeed(1, "a")).not.toBe(trialSeed(2, "a"));
    expect(trialSeed(1, "a")).not.toBe(trialSeed(1, "b"));
    expect(seedFromName("x")).toBe(seedFromName("x"));
    expect(seedFromName("x")).not.toBe(seedFromName("y"));
  });
});
