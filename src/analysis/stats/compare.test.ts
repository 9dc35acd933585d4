import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareRates, fisherExact, newcombe, twoProportionZTest } from "./compare.js";
import { wilson } from "./wilson.js";

// Reference values computed with python 3.11 + scipy 1.17.1, independently of this code:
//   Newcombe method 10 from scipy's Wilson bounds; z-test with pooled variance and 2*norm.sf(|z|);
//   Fisher from scipy.stats.fisher_exact([[k1, n1-k1], [k2, n2-k2]]).pvalue.
// (56/70 vs 48/80 is Newcombe's own worked example: 0.0524 to 0.3339.)
type Case = { k1: number; n1: number; k2: number; n2: number; diff: number; low: number; high: number; z: number | null; pZ: number | null; fisher: number };
const CASES: Case[] = [
  { k1: 56, n1: 70, k2: 48, n2: 80, diff: 0.2, low: 0.0524314724, high: 0.333872654, z: 2.6501719513, pZ: 0.0080450813682, fisher: 0.0125211297492 },
  { k1: 9, n1: 10, k2: 3, n2: 10, diff: 0.6, low: 0.1705227239, high: 0.8090179735, z: 2.7386127875, pZ: 0.00616989932054, fisher: 0.0197666110979 },
  { k1: 30, n1: 100, k2: 0, n2: 100, diff: 0.3, low: 0.2109056267, high: 0.3958485463, z: 5.9408852579, pZ: 2.83486993049e-9, fisher: 1.43391025089e-10 },
  { k1: 5, n1: 56, k2: 0, n2: 29, diff: 0.0892857143, low: -0.0381371479, high: 0.1925600139, z: 1.6586488692, pZ: 0.0971865681706, fisher: 0.160621443209 },
  { k1: 0, n1: 10, k2: 0, n2: 20, diff: 0, low: -0.1611251581, high: 0.2775327999, z: null, pZ: null, fisher: 1 },
  { k1: 10, n1: 10, k2: 0, n2: 10, diff: 1, low: 0.6075093504, high: 1, z: 4.472135955, pZ: 7.74421643104e-6, fisher: 1.08250882245e-5 },
  { k1: 1, n1: 1, k2: 0, n2: 1, diff: 1, low: -0.1221087207, high: 1, z: 1.4142135624, pZ: 0.15729920705, fisher: 1 },
  { k1: 30, n1: 100, k2: 20, n2: 100, diff: 0.1, low: -0.0202493622, high: 0.216734354, z: 1.6329931619, pZ: 0.10247043486, fisher: 0.141206746305 },
];

describe("newcombe", () => {
  it.each(CASES)("$k1/$n1 vs $k2/$n2 matches the reference interval", ({ k1, n1, k2, n2, diff, low, high }) => {
    const result = newcombe(wilson(k1, n1), wilson(k2, n2));
    expect(result.diff).toBeCloseTo(diff, 10);
    expect(result.low).toBeCloseTo(low, 4);
    expect(result.high).toBeCloseTo(high, 4);
  });

  it("has no difference when a side is empty", () => {
    expect(newcombe(wilson(3, 10), wilson(0, 0))).toEqual({ diff: null, low: -1, high: 1 });
  });
});

describe("twoProportionZTest", () => {
  it.each(CASES.filter((c) => c.z !== null))("$k1/$n1 vs $k2/$n2 matches the reference z and p", ({ k1, n1, k2, n2, z, pZ }) => {
    const result = twoProportionZTest(k1, n1, k2, n2);
    expect(result.z).toBeCloseTo(z ?? Number.NaN, 4);
    expect(result.p).toBeCloseTo(pZ ?? Number.NaN, 4);
    // relative agreement too, since some p-values are tiny
    expect(Math.abs(result.p - (pZ ?? 0)) / (pZ ?? 1)).toBeLessThan(1e-5);
  });

  it("reports no evidence when both samples are all zeros", () => {
    expect(twoProportionZTest(0, 10, 0, 20)).toEqual({ z: 0, p: 1 });
  });
});

describe("fisherExact", () => {
  it.each(CASES)("$k1/$n1 vs $k2/$n2 matches scipy's two-sided p", ({ k1, n1, k2, n2, fisher }) => {
    const p = fisherExact(k1, n1, k2, n2);
    expect(p).toBeCloseTo(fisher, 4);
    expect(Math.abs(p - fisher) / fisher).toBeLessThan(1e-6);
  });

  it("is symmetric in the two samples", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.nat(), fc.nat(), (n1, n2, a, b) => {
        const k1 = a % (n1 + 1);
        const k2 = b % (n2 + 1);
        expect(fisherExact(k1, n1, k2, n2)).toBeCloseTo(fisherExact(k2, n2, k1, n1), 10);
      }),
    );
  });
});

describe("compareRates", () => {
  it("uses Fisher's exact test when an expected count is below 5", () => {
    const small = compareRates(9, 10, 3, 10);
    expect(small.test).toBe("fisher");
    expect(small.p).toBeCloseTo(0.0197666110979, 6);
    expect(small.pZ).toBeCloseTo(0.00616989932054, 6);
  });

  it("uses the z-test when every expected count is 5 or more", () => {
    const large = compareRates(56, 70, 48, 80);
    expect(large.test).toBe("z");
    expect(large.pFisher).toBeNull();
    expect(large.p).toBeCloseTo(0.0080450813682, 6);
  });

  it("has no test when a side is empty", () => {
    const empty = compareRates(3, 10, 0, 0);
    expect(empty).toMatchObject({ diff: null, p: null, test: null, low: -1, high: 1 });
  });

  it("always has an interval containing the difference", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat(), (n1, n2, a, b) => {
        const result = compareRates(a % (n1 + 1), n1, b % (n2 + 1), n2);
        expect(result.diff).not.toBeNull();
        expect(result.low).toBeLessThanOrEqual((result.diff ?? 0) + 1e-12);
        expect(result.high).toBeGreaterThanOrEqual((result.diff ?? 0) - 1e-12);
        expect(result.p).toBeGreaterThanOrEqual(0);
        expect(result.p).toBeLessThanOrEqual(1);
      }),
    );
  });
});
