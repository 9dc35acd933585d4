/** Inline SVG charts for the self-contained html report: no script, no external resource. */

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export interface Bar {
  label: string;
  /** null: no data (drawn as a note, not as a zero). */
  value: number | null;
  low: number;
  high: number;
  significant: boolean;
  note?: string;
}

const LABEL_WIDTH = 210;
const PLOT_WIDTH = 270;
const ROW = 24;
const TOP = 26;
const BOTTOM = 30;

function niceDomain(bars: ReadonlyArray<Bar>, signed: boolean): [number, number] {
  if (!signed) return [0, 1];
  let low = 0;
  let high = 0;
  for (const bar of bars) {
    if (bar.value === null) continue;
    low = Math.min(low, bar.low);
    high = Math.max(high, bar.high);
  }
  const step = 0.1;
  return [Math.max(-1, Math.floor(low / step - 1e-9) * step), Math.min(1, Math.max(step, Math.ceil(high / step - 1e-9) * step))];
}

function ticks([low, high]: [number, number]): number[] {
  const span = high - low;
  const step = span > 1 ? 0.5 : span > 0.5 ? 0.2 : 0.1;
  const out: number[] = [];
  for (let t = Math.ceil(low / step - 1e-9) * step; t <= high + 1e-9; t += step) out.push(Math.round(t * 100) / 100);
  return out;
}

/** Horizontal bars with interval whiskers; `signed` draws differences around a zero line, otherwise rates on [0, 1]. */
export function barChart(title: string, bars: ReadonlyArray<Bar>, signed: boolean): string {
  const domain = niceDomain(bars, signed);
  const width = LABEL_WIDTH + PLOT_WIDTH + 80;
  const height = TOP + bars.length * ROW + BOTTOM;
  const x = (v: number) => LABEL_WIDTH + ((v - domain[0]) / (domain[1] - domain[0])) * PLOT_WIDTH;
  const parts: string[] = [];
  parts.push(`<text x="0" y="16" class="chart-title">${escapeXml(title)}</text>`);
  for (const t of ticks(domain)) {
    const tx = x(t).toFixed(1);
    parts.push(`<line x1="${tx}" x2="${tx}" y1="${TOP - 4}" y2="${TOP + bars.length * ROW}" class="${t === 0 ? "zero" : "grid"}"/>`);
    parts.push(`<text x="${tx}" y="${TOP + bars.length * ROW + 16}" class="tick" text-anchor="middle">${Math.round(t * 100)}${signed ? "" : "%"}</text>`);
  }
  bars.forEach((bar, i) => {
    const y = TOP + i * ROW;
    const mid = y + ROW / 2;
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${mid + 4}" class="bar-label" text-anchor="end">${escapeXml(bar.label)}</text>`);
    if (bar.value === null) {
      parts.push(`<text x="${LABEL_WIDTH + 4}" y="${mid + 4}" class="no-data">${escapeXml(bar.note ?? "no data")}</text>`);
      return;
    }
    const base = x(signed ? 0 : domain[0]);
    const end = x(bar.value);
    const left = Math.min(base, end);
    const barWidth = Math.max(1, Math.abs(end - base));
    const fill = bar.value < 0 ? "neg" : "pos";
    parts.push(`<rect x="${left.toFixed(1)}" y="${y + 5}" width="${barWidth.toFixed(1)}" height="${ROW - 10}" class="bar ${fill}${bar.significant ? " sig" : ""}"/>`);
    const lowX = x(bar.low).toFixed(1);
    const highX = x(bar.high).toFixed(1);
    parts.push(`<line x1="${lowX}" x2="${highX}" y1="${mid}" y2="${mid}" class="whisker"/>`);
    parts.push(`<line x1="${lowX}" x2="${lowX}" y1="${mid - 5}" y2="${mid + 5}" class="whisker"/>`);
    parts.push(`<line x1="${highX}" x2="${highX}" y1="${mid - 5}" y2="${mid + 5}" class="whisker"/>`);
    const text = `${signed && bar.value > 0 ? "+" : ""}${(bar.value * 100).toFixed(1)}${signed ? " pp" : "%"}${bar.significant ? " *" : ""}`;
    parts.push(`<text x="${(LABEL_WIDTH + PLOT_WIDTH + 6).toFixed(1)}" y="${mid + 4}" class="value">${escapeXml(text)}</text>`);
  });
  return `<svg class="chart" role="img" aria-label="${escapeXml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join("")}</svg>`;
}

export interface HeatCell {
  value: number | null;
  signed: boolean;
  text: string;
  tooltip: string;
}

const CELL_W = 104;
const CELL_H = 44;
const ROW_LABEL = 200;
const HEADER = 92;

/** Colour for a heat cell: rates from white to red, differences blue (negative) to red (positive). */
function colour(value: number | null, signed: boolean): string {
  if (value === null) return "#f2f2f2";
  const strength = Math.min(1, Math.abs(value) / (signed ? 0.5 : 1));
  const [r, g, b] = value < 0 ? [49, 104, 196] : [200, 40, 40];
  const mix = (c: number) => Math.round(255 + (c - 255) * (0.12 + 0.88 * strength));
  return value === 0 ? "#ffffff" : `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

/** A rows × columns grid of coloured cells with their values written in. */
export function heatmap(title: string, rows: ReadonlyArray<string>, columns: ReadonlyArray<string>, cells: ReadonlyArray<ReadonlyArray<HeatCell>>): string {
  const width = ROW_LABEL + columns.length * CELL_W + 10;
  const height = HEADER + rows.length * CELL_H + 10;
  const parts: string[] = [`<text x="0" y="16" class="chart-title">${escapeXml(title)}</text>`];
  columns.forEach((column, j) => {
    const cx = ROW_LABEL + j * CELL_W + CELL_W / 2;
    const words = column.split(" ");
    const lines: string[] = [];
    for (const word of words) {
      const last = lines[lines.length - 1];
      if (last !== undefined && (last + " " + word).length <= 14) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    lines.forEach((line, k) => {
      parts.push(`<text x="${cx}" y="${HEADER - 8 - (lines.length - 1 - k) * 14}" class="col-label" text-anchor="middle">${escapeXml(line)}</text>`);
    });
  });
  rows.forEach((row, i) => {
    const y = HEADER + i * CELL_H;
    parts.push(`<text x="${ROW_LABEL - 8}" y="${y + CELL_H / 2 + 4}" class="bar-label" text-anchor="end">${escapeXml(row)}</text>`);
    columns.forEach((_column, j) => {
      const cell = cells[i]?.[j];
      const x = ROW_LABEL + j * CELL_W;
      const value = cell?.value ?? null;
      const dark = value !== null && Math.abs(value) / (cell?.signed ? 0.5 : 1) > 0.55;
      parts.push(
        `<g><title>${escapeXml(cell?.tooltip ?? "")}</title><rect x="${x}" y="${y}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${colour(value, cell?.signed ?? false)}" class="heat"/>` +
          `<text x="${x + CELL_W / 2 - 1}" y="${y + CELL_H / 2 + 4}" text-anchor="middle" class="heat-text${dark ? " dark" : ""}">${escapeXml(cell?.text ?? "")}</text></g>`,
      );
    });
  });
  return `<svg class="chart" role="img" aria-label="${escapeXml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join("")}</svg>`;
}
