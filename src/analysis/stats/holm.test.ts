import { describe, expect, it } from "vitest";
import { holm } from "./holm.js";

describe("holm", () => {
  // By hand: sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, max(0.06, 0.04·1) = 0.06.
  it("adjusts step-down and keeps the input order", () => {
    const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted[0]).toBeCloseTo(0.03, 12);
    expect(adjusted[1]).toBeCloseTo(0.06, 12);
    expect(adjusted[2]).toBeCloseTo(0.06, 12);
    expect(adjusted[3]).toBeCloseTo(0.02, 12);
  });

  it("caps at 1 and skips untested comparisons", () => {
    expect(holm([0.5, null, 0.6])).toEqual([1, null, 1]);
  });

  it("leaves a single p-value unchanged", () => {
    expect(holm([0.037])).toEqual([0.037]);
  });
});
