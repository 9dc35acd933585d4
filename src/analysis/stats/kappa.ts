/** Cohen's kappa for two raters' binary labels on the same items; null when there are no items or chance agreement is 1. */
export function cohensKappa(pairs: ReadonlyArray<readonly [boolean, boolean]>): { kappa: number | null; agreement: number | null; n: number } {
  const n = pairs.length;
  if (n === 0) return { kappa: null, agreement: null, n };
  let agree = 0;
  let aYes = 0;
  let bYes = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree++;
    if (a) aYes++;
    if (b) bYes++;
  }
  const observed = agree / n;
  const expected = (aYes / n) * (bYes / n) + (1 - aYes / n) * (1 - bYes / n);
  return { kappa: expected === 1 ? null : (observed - expected) / (1 - expected), agreement: observed, n };
}
