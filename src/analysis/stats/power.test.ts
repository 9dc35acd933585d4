import { describe, expect, it } from "vitest";
import { sampleSizeTwoProportions } from "./power.js";

// Reference values from python 3.11 + scipy 1.17.1 (norm.ppf), same formulas written independently.
// 0.05 → 0.15 gives 141 / 160, the classic Fleiss table values.
describe("sampleSizeTwoProportions", () => {
  it.each([
    [0, 0.1, 0.05, 0.8, 74, 93],
    [0.05, 0.1, 0.05, 0.8, 141, 160],
    [0.2, 0.3, 0.01, 0.9, 73, 80],
    [0.5, -0.1, 0.05, 0.8, 388, 408],
  ])("base %d detect %d alpha %d power %d", (base, detect, alpha, power, uncorrected, corrected) => {
    const result = sampleSizeTwoProportions({ base, detect, alpha, power });
    expect(result.uncorrected).toBe(uncorrected);
    expect(result.corrected).toBe(corrected);
    expect(result.treatment).toBeCloseTo(base + detect, 12);
  });

  it("needs more epochs for smaller differences", () => {
    const big = sampleSizeTwoProportions({ base: 0, detect: 0.2, alpha: 0.05, power: 0.8 });
    const small = sampleSizeTwoProportions({ base: 0, detect: 0.05, alpha: 0.05, power: 0.8 });
    expect(small.corrected).toBeGreaterThan(big.corrected);
  });

  it("rejects impossible inputs", () => {
    expect(() => sampleSizeTwoProportions({ base: 0.95, detect: 0.1, alpha: 0.05, power: 0.8 })).toThrow(RangeError);
    expect(() => sampleSizeTwoProportions({ base: 0.1, detect: 0, alpha: 0.05, power: 0.8 })).toThrow(RangeError);
    expect(() => sampleSizeTwoProportions({ base: 0.1, detect: 0.1, alpha: 0.05, power: 1 })).toThrow(RangeError);
  });
});
