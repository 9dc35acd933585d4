import { normalQuantile } from "./normal.js";

export interface SampleSizeInput {
  /** Rate in the control arm, e.g. 0 for a faithful baseline. */
  base: number;
  /** The smallest difference worth detecting (treatment rate = base + detect). */
  detect: number;
  power: number;
  /** Two-sided significance level. */
  alpha: number;
}

export interface SampleSize {
  base: number;
  treatment: number;
  /** Per arm, normal approximation without continuity correction (Fleiss, Levin & Paik 2003, eq. 4.14). */
  uncorrected: number;
  /** Per arm, with the continuity correction of Fleiss, Tytun & Ury (1980); what `plan` recommends. */
  corrected: number;
}

/**
 * Epochs per arm needed for the pooled two-proportion z-test at level alpha to detect base → base + detect
 * with the given power:  n = (z_{1−α/2}·√(2·p̄·q̄) + z_{1−β}·√(p1·q1 + p2·q2))² / (p2 − p1)²,  p̄ = (p1 + p2)/2,
 * and n' = n/4 · (1 + √(1 + 4/(n·|p2 − p1|)))² with the continuity correction. Both rounded up.
 */
export function sampleSizeTwoProportions({ base, detect, power, alpha }: SampleSizeInput): SampleSize {
  const treatment = base + detect;
  if (!(base >= 0 && base <= 1)) throw new RangeError(`base rate must be between 0 and 1, got ${base}`);
  if (!(detect !== 0 && treatment >= 0 && treatment <= 1)) throw new RangeError(`base + detect must be a rate between 0 and 1 other than base, got ${treatment}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be between 0 and 1, got ${power}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1, got ${alpha}`);
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  const mean = (base + treatment) / 2;
  const numerator = za * Math.sqrt(2 * mean * (1 - mean)) + zb * Math.sqrt(base * (1 - base) + treatment * (1 - treatment));
  const delta = Math.abs(detect);
  const n = numerator ** 2 / delta ** 2;
  const corrected = (n / 4) * (1 + Math.sqrt(1 + 4 / (n * delta))) ** 2;
  // The epsilon keeps an exact integer (up to float noise) from being rounded up one too many.
  return { base, treatment, uncorrected: Math.ceil(n - 1e-9), corrected: Math.ceil(corrected - 1e-9) };
}
