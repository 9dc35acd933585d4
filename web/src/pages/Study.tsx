import { lazy, Suspense } from "react";
import { api, type Figure, type ResultsResponse } from "../api.js";
import { Filters } from "../components/Filters.js";
import { Status } from "../components/Status.js";
import { int, pct, pValue, signedPct } from "../format.js";
import { href } from "../route.js";
import { cellQuery, filtersOnly, resultsQuery } from "../selection.js";
import { useFetch } from "../useFetch.js";

// recharts is the bulk of the bundle: the matrix paints first, the charts follow
const BehaviourChart = lazy(() => import("../components/BehaviourChart.js"));

function Cell({ study, figure, filters }: { study: string; figure: Figure; filters: URLSearchParams }) {
  const { rate, comparison } = figure;
  const treatment = href.trials(study, cellQuery(filters, figure));
  if (rate.n === 0 && (comparison === null || comparison.control.n === 0)) {
    return <td className="cell empty" title="no labelled trials in this cell">–</td>;
  }
  if (figure.kind === "difference" && comparison && (rate.n === 0 || comparison.control.n === 0)) {
    return (
      <td className="cell empty" title="a difference needs labelled trials on both sides">
        <div className="main">n/a</div>
        <div className="counts">
          <a href={treatment}>{int(rate.n)} treatment</a> · <a href={href.trials(study, cellQuery(filters, figure, "control"))}>{int(comparison.control.n)} control</a> trials
        </div>
      </td>
    );
  }
  if (figure.kind === "difference" && comparison) {
    return (
      <td className={`cell${comparison.significant ? " significant" : ""}`}>
        <div className="main">
          {signedPct(comparison.diff)}
          {comparison.significant && <span className="star" title={`Holm-adjusted ${pValue(comparison.pHolm)}`}>*</span>}
        </div>
        <div className="ci">
          [{signedPct(comparison.low)}, {signedPct(comparison.high)}] {pValue(comparison.pHolm)}
        </div>
        <div className="counts">
          <a href={treatment} title="trials of the treatment side">
            {pct(rate.rate)} of {int(rate.n)}
          </a>{" "}
          vs{" "}
          <a href={href.trials(study, cellQuery(filters, figure, "control"))} title="trials of the control side">
            {pct(comparison.control.rate)} of {int(comparison.control.n)}
          </a>
        </div>
      </td>
    );
  }
  return (
    <td className={`cell${comparison?.significant ? " significant" : ""}`}>
      <div className="main">
        <a href={treatment}>{pct(rate.rate)}</a>
        {comparison?.significant && <span className="star" title={`vs ${comparison.against}: Holm-adjusted ${pValue(comparison.pHolm)}`}>*</span>}
      </div>
      <div className="ci">
        [{pct(rate.low)}, {pct(rate.high)}]
      </div>
      <div className="counts">
        <a href={treatment}>
          {int(rate.k)}/{int(rate.n)}
        </a>
        {rate.incomplete + rate.errors > 0 && <span className="muted" title="incomplete / failed trials, not in n"> +{rate.incomplete + rate.errors}</span>}
        {comparison && <span className="muted"> {pValue(comparison.pHolm)}</span>}
      </div>
    </td>
  );
}

function Matrix({ study, results, filters }: { study: string; results: ResultsResponse; filters: URLSearchParams }) {
  const byKey = new Map(results.figures.map((figure) => [`${figure.model}\u0000${figure.behaviour}`, figure]));
  return (
    <div className="scroll">
      <table className="grid matrix">
        <thead>
          <tr>
            <th>Model</th>
            {results.behaviours.map((behaviour) => (
              <th key={behaviour.id} title={behaviour.description}>
                {behaviour.title}
                <div className="muted small">{behaviour.kind === "difference" ? "difference" : "rate"}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.models.map((model) => (
            <tr key={model}>
              <th className="model">
                {model}
                {results.baseline === model && <div className="muted small">baseline</div>}
              </th>
              {results.behaviours.map((behaviour) => {
                const figure = byKey.get(`${model}\u0000${behaviour.id}`);
                return figure ? <Cell key={behaviour.id} study={study} figure={figure} filters={filters} /> : <td key={behaviour.id} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StudyPage({ study, query }: { study: string; query: URLSearchParams }) {
  const detail = useFetch(`study:${study}`, (signal) => api.study(study, signal), 5000);
  const filters = filtersOnly(query);
  const forResults = resultsQuery(query);
  // while the study runs, its matrix follows the trials as they land
  const running = detail.state === "ok" && detail.data.status === "running";
  const results = useFetch(`results:${study}?${forResults}`, (signal) => api.results(study, forResults.toString(), signal), running ? 10_000 : null);
  const go = (next: URLSearchParams) => {
    window.location.hash = href.study(study, next).slice(1);
  };
  const setOption = (key: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value);
    else next.delete(key);
    go(next);
  };
  return (
    <section>
      <Status loaded={detail} loading="Loading the study…">
        {(info) => (
          <>
            <div className="title-row">
              <h1>{info.name}</h1>
              <span className={`badge status-${info.status}`}>{info.status}</span>
              <span className="muted">
                {int(info.counts.total)} of {int(info.planned)} trials · {int(info.counts.incomplete)} incomplete · {int(info.counts.error)} errors
              </span>
              <a className="button" href={href.trials(study, filters)}>
                All trials
              </a>
            </div>
            <Filters dimensions={info.dimensions} query={query} onChange={go} />
            <div className="options">
              <label>
                Baseline{" "}
                <select value={query.get("baseline") ?? ""} onChange={(event) => setOption("baseline", event.target.value)} aria-label="baseline model">
                  <option value="">none</option>
                  {info.dimensions.model.map((model) => (
                    <option key={model} value={model}>
                      {model}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Interval{" "}
                <select value={query.get("level") ?? "0.95"} onChange={(event) => setOption("level", event.target.value === "0.95" ? "" : event.target.value)} aria-label="interval level">
                  <option value="0.9">90%</option>
                  <option value="0.95">95%</option>
                  <option value="0.99">99%</option>
                </select>
              </label>
            </div>
          </>
        )}
      </Status>
      <Status loaded={results} loading="Computing the results matrix (a first look at a large study or a new filter takes a few seconds)…">
        {(data) => (
          <>
            <p className="muted small legend">
              Rates are k/n over completed, labelled trials with {Math.round(data.level * 100)}% Wilson intervals; differences carry Newcombe intervals. * marks a Holm-adjusted p below{" "}
              {data.alpha}. {int(data.totals.trials)} trials selected ({int(data.totals.incomplete)} incomplete, {int(data.totals.errors)} failed, counted apart). Click a figure for its trials.
            </p>
            <Matrix study={study} results={data} filters={filters} />
            <h2>Per behaviour</h2>
            <Suspense fallback={<p className="muted">Loading charts…</p>}>
              <div className="charts">
                {data.behaviours.map((behaviour) => (
                  <BehaviourChart key={behaviour.id} behaviour={behaviour} figures={data.figures.filter((figure) => figure.behaviour === behaviour.id)} />
                ))}
              </div>
            </Suspense>
          </>
        )}
      </Status>
    </section>
  );
}
