import { hypergeometricPmf, normalCdf } from "./normal.js";
import { type Proportion, wilson } from "./wilson.js";

export type TestName = "z" | "fisher";

/** A difference of two rates (treatment − control) with its interval and two-sided test. */
export interface Difference {
  treatment: Proportion;
  control: Proportion;
  /** treatment rate − control rate; null when either side has n = 0. */
  diff: number | null;
  /** Newcombe hybrid score interval; [-1, 1] when diff is null. */
  low: number;
  high: number;
  z: number | null;
  pZ: number | null;
  /** Computed only when counts are small (see FISHER_MIN_EXPECTED). */
  pFisher: number | null;
  /** The test whose p-value is reported: Fisher where counts are small, the z-test otherwise. */
  test: TestName | null;
  p: number | null;
}

/** Fisher's exact test replaces the z-test when any expected cell count is below this (Cochran's rule). */
export const FISHER_MIN_EXPECTED = 5;

/** Newcombe (1998) method 10: the hybrid score interval for p1 − p2 built from the two Wilson intervals. */
export function newcombe(a: Proportion, b: Proportion): { diff: number | null; low: number; high: number } {
  if (a.rate === null || b.rate === null) return { diff: null, low: -1, high: 1 };
  const diff = a.rate - b.rate;
  const low = diff - Math.sqrt((a.rate - a.low) ** 2 + (b.high - b.rate) ** 2);
  const high = diff + Math.sqrt((a.high - a.rate) ** 2 + (b.rate - b.low) ** 2);
  return { diff, low: Math.max(-1, low), high: Math.min(1, high) };
}

/** Two-proportion z-test with the pooled variance; two-sided. z = 0 and p = 1 when the pooled rate is 0 or 1. */
export function twoProportionZTest(k1: number, n1: number, k2: number, n2: number): { z: number; p: number } {
  if (n1 === 0 || n2 === 0) throw new RangeError("twoProportionZTest: both samples need n > 0");
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, p: 1 };
  const z = (k1 / n1 - k2 / n2) / se;
  return { z, p: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

/**
 * Fisher's exact test on the 2×2 table [[k1, n1−k1], [k2, n2−k2]], two-sided: the sum of the
 * probabilities of all tables with the same margins that are no more likely than the observed one.
 */
export function fisherExact(k1: number, n1: number, k2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) throw new RangeError("fisherExact: both samples need n > 0");
  const total = n1 + n2;
  const successes = k1 + k2;
  const observed = hypergeometricPmf(k1, total, successes, n1);
  // Relative tolerance so that tables as likely as the observed one are not lost to rounding (as R does).
  const bound = observed * (1 + 1e-7);
  let p = 0;
  for (let x = Math.max(0, successes - n2); x <= Math.min(successes, n1); x++) {
    const px = hypergeometricPmf(x, total, successes, n1);
    if (px <= bound) p += px;
  }
  return Math.min(1, p);
}

function minExpected(k1: number, n1: number, k2: number, n2: number): number {
  const total = n1 + n2;
  const successes = k1 + k2;
  const failures = total - successes;
  return Math.min(n1 * successes, n1 * failures, n2 * successes, n2 * failures) / total;
}

/** Compares treatment k1/n1 with control k2/n2: Wilson rates, Newcombe interval, z-test, Fisher where counts are small. */
export function compareRates(k1: number, n1: number, k2: number, n2: number, level = 0.95): Difference {
  const treatment = wilson(k1, n1, level);
  const control = wilson(k2, n2, level);
  const interval = newcombe(treatment, control);
  if (n1 === 0 || n2 === 0) {
    return { treatment, control, ...interval, z: null, pZ: null, pFisher: null, test: null, p: null };
  }
  const { z, p: pZ } = twoProportionZTest(k1, n1, k2, n2);
  const small = minExpected(k1, n1, k2, n2) < FISHER_MIN_EXPECTED;
  const pFisher = small ? fisherExact(k1, n1, k2, n2) : null;
  return {
    treatment,
    control,
    ...interval,
    z,
    pZ,
    pFisher,
    test: pFisher === null ? "z" : "fisher",
    p: pFisher ?? pZ,
  };
}
