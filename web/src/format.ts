export const pct = (value: number | null | undefined, digits = 0): string => (value === null || value === undefined ? "–" : `${(100 * value).toFixed(digits)}%`);

export const signedPct = (value: number | null | undefined): string =>
  value === null || value === undefined ? "–" : `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(100 * value).toFixed(0)} pts`;

export function pValue(p: number | null | undefined): string {
  if (p === null || p === undefined) return "–";
  return p < 0.001 ? "p<0.001" : `p=${p.toFixed(3)}`;
}

export const int = (n: number): string => n.toLocaleString("en-US");

export function bytes(n: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export const usd = (n: number | null): string => (n === null ? "–" : n < 0.01 && n > 0 ? "<$0.01" : `$${n.toFixed(2)}`);

/** The condition values that say what a trial was, skipping keys that do not apply. */
export function conditionText(condition: Record<string, string | number | null>): string {
  return Object.values(condition)
    .filter((value) => value !== null)
    .join(" · ");
}
