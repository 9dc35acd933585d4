import type { TrialResponse } from "../api.js";
import { int } from "../format.js";
import { href } from "../route.js";

/** Who, what and how a trial ran; `differs` marks the condition keys that differ from a compared trial. */
export function TrialHeader({ trial, differs = [] }: { trial: TrialResponse; differs?: string[] }) {
  return (
    <div className="trial-head">
      <div className="title-row">
        <h1 className="mono">{trial.id}</h1>
        <span className={`badge trial-${trial.status}`}>{trial.status}</span>
      </div>
      <div className="facts">
        <span>
          study <a href={href.study(trial.study)}>{trial.study}</a>
        </span>
        <span>scenario <b>{trial.scenario}</b></span>
        <span>model <b>{trial.model}</b></span>
        <span>epoch {trial.epoch}</span>
        <span>
          {int(trial.usage.inputTokens)} in · {int(trial.usage.outputTokens)} out tokens
        </span>
        <span>{(trial.timing.durationMs / 1000).toFixed(1)} s</span>
      </div>
      <div className="facts conditions">
        {Object.entries(trial.condition)
          .filter(([, value]) => value !== null)
          .map(([key, value]) => (
            <span key={key} className={`chip static${differs.includes(key) ? " differs" : ""}`} data-key={key}>
              {key}: {String(value)}
            </span>
          ))}
      </div>
      {trial.error && <p className="error-box">{trial.error}</p>}
    </div>
  );
}
