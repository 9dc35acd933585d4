import { describe, expect, it } from "vitest";
import { cohensKappa } from "./kappa.js";

function pairs(yesYes: number, yesNo: number, noYes: number, noNo: number): Array<[boolean, boolean]> {
  return [
    ...Array.from({ length: yesYes }, (): [boolean, boolean] => [true, true]),
    ...Array.from({ length: yesNo }, (): [boolean, boolean] => [true, false]),
    ...Array.from({ length: noYes }, (): [boolean, boolean] => [false, true]),
    ...Array.from({ length: noNo }, (): [boolean, boolean] => [false, false]),
  ];
}

describe("cohensKappa", () => {
  // By hand: p_o = 35/50 = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.2/0.5 = 0.4.
  it("matches the hand-computed value", () => {
    const result = cohensKappa(pairs(20, 5, 10, 15));
    expect(result.kappa).toBeCloseTo(0.4, 10);
    expect(result.agreement).toBeCloseTo(0.7, 10);
    expect(result.n).toBe(50);
  });

  it("is 1 for perfect agreement and negative for systematic disagreement", () => {
    expect(cohensKappa(pairs(3, 0, 0, 7)).kappa).toBeCloseTo(1, 10);
    expect(cohensKappa(pairs(0, 5, 5, 0)).kappa).toBeCloseTo(-1, 10);
  });

  it("is undefined without items or when both raters never vary", () => {
    expect(cohensKappa([]).kappa).toBeNull();
    expect(cohensKappa(pairs(0, 0, 0, 4)).kappa).toBeNull();
  });
});
