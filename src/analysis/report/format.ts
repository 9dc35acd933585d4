import type { Comparison, Figure, Rate } from "../figures.js";

/** Number formatting shared by the md and html renderings, so both say the same thing. */

export function percent(value: number | null, digits = 1): string {
  return value === null ? "—" : `${(value * 100).toFixed(digits)}%`;
}

export function points(value: number | null, digits = 1): string {
  if (value === null) return "—";
  const text = (value * 100).toFixed(digits);
  return `${value > 0 && text !== (0).toFixed(digits) ? "+" : ""}${text} pp`;
}

export function interval(low: number, high: number, digits = 1): string {
  return `[${(low * 100).toFixed(digits)}, ${(high * 100).toFixed(digits)}]`;
}

export function pValue(p: number | null): string {
  if (p === null) return "—";
  if (p < 0.001) return p === 0 ? "<1e-300" : p.toExponential(1);
  return p.toFixed(3);
}

export function mark(comparison: Comparison | null): string {
  return comparison?.significant ? "*" : "";
}

export function counts(rate: Rate): string {
  return `${rate.k}/${rate.n}`;
}

/** Trials outside n, e.g. "3 incomplete, 1 error". */
export function outside(rate: Rate): string {
  const parts: string[] = [];
  if (rate.incomplete > 0) parts.push(`${rate.incomplete} incomplete`);
  if (rate.errors > 0) parts.push(`${rate.errors} error${rate.errors === 1 ? "" : "s"}`);
  if (rate.unlabelled > 0) parts.push(`${rate.unlabelled} unlabelled`);
  return parts.join(", ");
}

export function rateText(rate: Rate): string {
  return rate.n === 0 ? "—" : `${percent(rate.rate)} ${interval(rate.low, rate.high)} (${counts(rate)})`;
}

/** A figure's value as the headline shows it: the difference for differences, the rate for rates, with its mark. */
export function headlineText(figure: Figure): string {
  const missing = outside(figure.rate);
  if (figure.kind === "difference") {
    const c = figure.comparison;
    if (!c || c.diff === null) return missing ? `— (${missing})` : figure.rate.n + (c?.control.n ?? 0) === 0 ? "" : "—";
    return `${points(c.diff)} ${interval(c.low, c.high)}${mark(c)}`;
  }
  if (figure.rate.n === 0) return missing ? `— (${missing})` : "";
  return `${percent(figure.rate.rate)} ${interval(figure.rate.low, figure.rate.high)}${mark(figure.comparison)}`;
}

/** The number a chart plots for a figure (difference or rate) with its interval. */
export function plotted(figure: Figure): { value: number; low: number; high: number } | null {
  if (figure.kind === "difference") {
    const c = figure.comparison;
    return c && c.diff !== null ? { value: c.diff, low: c.low, high: c.high } : null;
  }
  return figure.rate.rate === null ? null : { value: figure.rate.rate, low: figure.rate.low, high: figure.rate.high };
}
