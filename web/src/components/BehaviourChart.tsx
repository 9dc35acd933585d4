import { CartesianGrid, ErrorBar, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { BehaviourInfo, Figure } from "../api.js";
import { pct, signedPct } from "../format.js";

interface Point {
  model: string;
  value: number;
  error: [number, number];
  significant: boolean;
}

/** One behaviour across models: the rate (or difference) as a point with its interval as whiskers. */
export default function BehaviourChart({ behaviour, figures }: { behaviour: BehaviourInfo; figures: Figure[] }) {
  const difference = behaviour.kind === "difference";
  const rows: Point[] = [];
  for (const figure of figures) {
    const c = figure.comparison;
    const value = difference ? (c?.diff ?? null) : figure.rate.rate;
    if (value === null) continue;
    const low = difference ? (c?.low ?? value) : figure.rate.low;
    const high = difference ? (c?.high ?? value) : figure.rate.high;
    rows.push({ model: figure.model.replace(/^policy:/, ""), value: 100 * value, error: [100 * (value - low), 100 * (high - value)], significant: c?.significant ?? false });
  }
  const format = (value: unknown) => (difference ? signedPct(Number(value) / 100) : pct(Number(value) / 100));
  return (
    <figure className="chart" aria-label={`chart ${behaviour.title}`}>
      <figcaption>
        {behaviour.title} <span className="muted small">{difference ? "difference, pts" : "rate"}</span>
      </figcaption>
      {rows.length === 0 ? (
        <p className="muted small empty-chart">no labelled trials</p>
      ) : (
        <ScatterChart width={360} height={220} margin={{ top: 10, right: 12, bottom: 56, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="model" type="category" allowDuplicatedCategory={false} interval={0} angle={-30} textAnchor="end" tick={{ fontSize: 10 }} />
          <YAxis dataKey="value" type="number" domain={difference ? [-100, 100] : [0, 100]} ticks={difference ? [-100, -50, 0, 50, 100] : [0, 25, 50, 75, 100]} tick={{ fontSize: 10 }} unit="%" width={44} />
          {difference && <ReferenceLine y={0} stroke="#888" />}
          <Tooltip formatter={format} cursor={false} />
          <Scatter data={rows} fill={difference ? "#7c3aed" : "#2f6fde"} isAnimationActive={false}>
            <ErrorBar dataKey="error" direction="y" width={8} strokeWidth={1.5} stroke="#333" />
          </Scatter>
        </ScatterChart>
      )}
    </figure>
  );
}
