import { describe, expect, it } from "vitest";
import { wilson } from "./wilson.js";

// Reference bounds from scipy 1.17.1: scipy.stats.binomtest(k, n).proportion_ci(0.95, method="wilson").
const REFERENCE: Array<[number, number, number, number]> = [
  [0, 10, 0, 0.2775327999],
  [10, 10, 0.7224672001, 1],
  [0, 1, 0, 0.7934506856],
  [1, 1, 0.2065493144, 1],
  [3, 10, 0.1077912674, 0.6032218525],
  [30, 100, 0.2189488529, 0.3958485463],
  [1, 50, 0.0035392593, 0.1049544359],
  [7, 20, 0.1811918241, 0.5671457233],
];

describe("wilson", () => {
  it.each(REFERENCE)("k=%i n=%i matches the reference interval", (k, n, low, high) => {
    const result = wilson(k, n);
    expect(result.rate).toBeCloseTo(k / n, 10);
    expect(result.low).toBeCloseTo(low, 4);
    expect(result.high).toBeCloseTo(high, 4);
  });

  it("gives no rate and the whole [0, 1] range for n = 0", () => {
    expect(wilson(0, 0)).toEqual({ k: 0, n: 0, rate: null, low: 0, high: 1 });
  });

  it("widens with the confidence level", () => {
    const narrow = wilson(30, 100, 0.9);
    const wide = wilson(30, 100, 0.99);
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });

  it("rejects counts that are not a proportion", () => {
    expect(() => wilson(5, 3)).toThrow(RangeError);
    expect(() => wilson(-1, 3)).toThrow(RangeError);
    expect(() => wilson(1.5, 3)).toThrow(RangeError);
  });
});
