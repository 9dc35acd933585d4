import { describe, expect, it } from "vitest";
import { pick, unitHash } from "./choice.js";

describe("unitHash", () => {
  it("is deterministic and in [0, 1)", () => {
    for (let i = 0; i < 500; i++) {
      const value = unitHash("salt", 7, `trial-${i}`);
      expect(value).toBe(unitHash("salt", 7, `trial-${i}`));
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it("separates its parts, so ('a', 'bc') and ('ab', 'c') differ", () => {
    expect(unitHash("a", "bc")).not.toBe(unitHash("ab", "c"));
  });

  it("is close to uniform", () => {
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 5000; i++) buckets[Math.floor(unitHash("u", i) * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 500)).toBeLessThan(90);
  });
});

describe("pick", () => {
  it("reaches every option over many keys", () => {
    const seen = new Set(Array.from({ length: 200 }, (_, i) => pick(["a", "b", "c", "d"] as const, "k", i)));
    expect([...seen].sort()).toEqual(["a", "b", "c", "d"]);
  });
});
