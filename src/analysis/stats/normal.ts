import jstat from "jstat";

const { jStat } = jstat;

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return jStat.normal.cdf(x, 0, 1);
}

/** Standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

/** The two-sided critical value for a confidence level, e.g. 1.959964 for 0.95. */
export function zForLevel(level: number): number {
  return normalQuantile(1 - (1 - level) / 2);
}

/** P(X = k) for the hypergeometric distribution (population N with m successes, n drawn). */
export function hypergeometricPmf(k: number, N: number, m: number, n: number): number {
  return jStat.hypgeom.pdf(k, N, m, n);
}
