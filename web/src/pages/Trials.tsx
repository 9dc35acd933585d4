import { useState } from "react";
import { api, type TrialListItem } from "../api.js";
import { Status } from "../components/Status.js";
import { conditionText, int } from "../format.js";
import { labelClass, showValue } from "../labels.js";
import { href } from "../route.js";
import { useFetch } from "../useFetch.js";

const PRIMARY: Record<string, keyof TrialListItem["labels"]> = {
  evaluation: "inflation",
  finance: "inflation",
  "alignment-faking": "inflation",
  tampering: "tampering",
  "exfiltration-transfer": "exfiltration",
  "exfiltration-deletion": "exfiltration",
};

function LabelValue({ label, value }: { label: string; value: boolean | number | null }) {
  if (value === null) return <span className="muted">–</span>;
  return <span className={labelClass(label, value)}>{showValue(value)}</span>;
}

/** A page of a study's trials (a matrix cell, or any filter), from which a trial or a pair to compare is opened. */
export function TrialsPage({ study, query }: { study: string; query: URLSearchParams }) {
  const page = Number(query.get("page") ?? "1");
  const loaded = useFetch(`trials:${study}?${query}`, (signal) => api.trials(study, query.toString(), signal));
  const [picked, setPicked] = useState<string[]>([]);
  const goPage = (n: number) => {
    const next = new URLSearchParams(query);
    next.set("page", String(n));
    window.location.hash = href.trials(study, next).slice(1);
  };
  const shown = [...query].filter(([key]) => key !== "page" && key !== "pageSize");
  return (
    <section>
      <div className="title-row">
        <h1>Trials</h1>
        {shown.map(([key, value]) => (
          <span key={`${key}=${value}`} className="chip on static">
            {key}={value}
          </span>
        ))}
        {picked.length === 2 && (
          <a className="button primary" href={href.compare(picked[0]!, picked[1]!)}>
            Compare the two
          </a>
        )}
      </div>
      <Status loaded={loaded}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <>
              <p className="muted">
                {int(data.total)} {data.total === 1 ? "trial" : "trials"}{data.total > data.pageSize ? ` · page ${data.page} of ${int(pages)}` : ""} · tick two to compare them
              </p>
              <table className="grid trials">
                <thead>
                  <tr>
                    <th />
                    <th>Trial</th>
                    <th>Model</th>
                    <th>Condition</th>
                    <th>Epoch</th>
                    <th>Status</th>
                    <th>Misbehaved</th>
                    <th>Completed</th>
                    <th>Refused</th>
                  </tr>
                </thead>
                <tbody>
                  {data.trials.map((trial) => {
                    const primary = PRIMARY[trial.scenario];
                    return (
                      <tr key={trial.id}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`pick ${trial.id}`}
                            checked={picked.includes(trial.id)}
                            onChange={() => setPicked((old) => (old.includes(trial.id) ? old.filter((id) => id !== trial.id) : [...old, trial.id].slice(-2)))}
                          />
                        </td>
                        <td>
                          <a href={href.trial(trial.id)} className="mono nowrap">
                            {trial.id}
                          </a>
                        </td>
                        <td>{trial.model}</td>
                        <td className="small">{conditionText(trial.condition)}</td>
                        <td className="num">{trial.epoch}</td>
                        <td>
                          <span className={`badge trial-${trial.status}`} title={trial.error ?? undefined}>
                            {trial.status}
                          </span>
                        </td>
                        <td title={primary}>{primary ? <LabelValue label={primary} value={trial.labels[primary]} /> : null}</td>
                        <td>
                          <LabelValue label="completed" value={trial.labels.completed} />
                        </td>
                        <td>
                          <LabelValue label="refusal" value={trial.labels.refusal} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {pages > 1 && (
                <div className="pager">
                  <button type="button" disabled={page <= 1} onClick={() => goPage(page - 1)}>
                    ← previous
                  </button>
                  <span>
                    {page} / {int(pages)}
                  </span>
                  <button type="button" disabled={page >= pages} onClick={() => goPage(page + 1)}>
                    next →
                  </button>
                </div>
              )}
            </>
          );
        }}
      </Status>
    </section>
  );
}
