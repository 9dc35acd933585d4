import { api, type StudyListItem } from "../api.js";
import { Status } from "../components/Status.js";
import { int, usd } from "../format.js";
import { href } from "../route.js";
import { useFetch } from "../useFetch.js";

function Progress({ study }: { study: StudyListItem }) {
  const done = study.planned > 0 ? Math.min(1, study.counts.total / study.planned) : 1;
  return (
    <div className="progress" title={`${int(study.counts.total)} of ${int(study.planned)} trials stored`}>
      <div className="bar">
        <div style={{ width: `${(100 * done).toFixed(1)}%` }} />
      </div>
      <span>
        {int(study.counts.total)} / {int(study.planned)}
      </span>
    </div>
  );
}

export function StudiesPage() {
  const loaded = useFetch("studies", (signal) => api.studies(signal), 3000);
  return (
    <section>
      <h1>Studies</h1>
      <Status loaded={loaded}>
        {(studies) =>
          studies.length === 0 ? (
            <p className="muted">No studies in this store yet. Run one with <code>peerguard run</code> or <code>peerguard demo</code>.</p>
          ) : (
            <table className="grid studies">
              <thead>
                <tr>
                  <th>Study</th>
                  <th>Status</th>
                  <th>Progress</th>
                  <th>Plan</th>
                  <th className="num">Incomplete</th>
                  <th className="num">Errors</th>
                  <th className="num">Tokens</th>
                  <th className="num">Cost</th>
                  <th>Created</th>
                </tr>
              </thead>
              <tbody>
                {studies.map((study) => (
                  <tr key={study.name}>
                    <td>
                      <a href={href.study(study.name)} className="strong">
                        {study.name}
                      </a>
                    </td>
                    <td>
                      <span className={`badge status-${study.status}`}>{study.status}</span>
                    </td>
                    <td>
                      <Progress study={study} />
                    </td>
                    <td className="plan">
                      <div>{study.plan.scenarios.length} scenarios × {study.plan.models.length} models × {study.plan.epochs} epochs</div>
                      <div className="muted small">{study.plan.models.join(", ")}</div>
                    </td>
                    <td className="num">{int(study.counts.incomplete)}</td>
                    <td className="num">
                      {study.counts.error > 0 ? (
                        <a href={href.trials(study.name, "status=error")} className="bad" title={study.recentErrors.map((e) => e.error).join("\n")}>
                          {int(study.counts.error)}
                        </a>
                      ) : (
                        "0"
                      )}
                    </td>
                    <td className="num">{int(study.tokens.input + study.tokens.output)}</td>
                    <td className="num" title={study.unpriced.length > 0 ? `no price for ${study.unpriced.join(", ")}` : "example prices"}>
                      {usd(study.costUsd)}
                      {study.unpriced.length > 0 && study.costUsd !== null ? "*" : ""}
                    </td>
                    <td className="small">{study.createdAt.slice(0, 16).replace("T", " ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Status>
    </section>
  );
}
