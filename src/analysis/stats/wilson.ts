import { zForLevel } from "./normal.js";

/** A proportion k/n with its confidence interval; rate is null (and the interval [0, 1]) when n = 0. */
export interface Proportion {
  k: number;
  n: number;
  rate: number | null;
  low: number;
  high: number;
}

/** Wilson score interval (Wilson 1927), the interval used for every rate in a report. */
export function wilson(k: number, n: number, level = 0.95): Proportion {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`wilson: need integers 0 <= k <= n, got k=${k}, n=${n}`);
  }
  if (n === 0) return { k, n, rate: null, low: 0, high: 1 };
  const z = zForLevel(level);
  const z2 = z * z;
  const p = k / n;
  const centre = (k + z2 / 2) / (n + z2);
  const half = (z / (n + z2)) * Math.sqrt((k * (n - k)) / n + z2 / 4);
  // At k = 0 or k = n the exact bound is 0 or 1; clamping removes float noise there.
  return { k, n, rate: p, low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}
