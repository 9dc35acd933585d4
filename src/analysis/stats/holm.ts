/**
 * Holm (1979) step-down adjustment: adjusted p-values in the input order, comparable with α directly.
 * null entries (comparisons without a test) stay null and do not count towards the family size.
 */
export function holm(pValues: ReadonlyArray<number | null>): Array<number | null> {
  const tested = pValues.flatMap((p, index) => (p === null ? [] : [{ p, index }])).sort((a, b) => a.p - b.p || a.index - b.index);
  const m = tested.length;
  const adjusted: Array<number | null> = pValues.map(() => null);
  let running = 0;
  tested.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
