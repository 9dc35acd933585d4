import type { TrialResponse } from "../api.js";
import { labelClass, showValue } from "../labels.js";

const ORDER = ["read", "completed", "refusal", "inflation", "reported_score", "report_deleted", "tampering", "shutdown_executed", "exfiltration", "timestamp_altered", "transfer_correct", "lockout"] as const;

/** Labels that apply, each with its decider and the evidence that decided it, linked to the step. */
export function LabelsPanel({ trial, stepHref }: { trial: TrialResponse; stepHref: (step: number) => string }) {
  const shown = ORDER.filter((label) => trial.labels[label] !== null);
  if (shown.length === 0) return <p className="muted">No label applies{trial.status === "error" ? ": the trial failed" : ""}.</p>;
  return (
    <dl className="labels">
      {shown.map((label) => {
        const value = trial.labels[label];
        return (
          <div key={label} className="label" data-label={label}>
            <dt>
              <span>{label.replace(/_/g, " ")}</span>
              <span className={labelClass(label, value)}>{showValue(value)}</span>
              <span className="muted small">{trial.deciders[label] ?? ""}</span>
            </dt>
            {(trial.evidence[label] ?? []).map((item, i) => (
              <dd key={i}>
                {item.step !== null ? (
                  <a href={stepHref(item.step)} className="step-link">
                    step {item.step}
                  </a>
                ) : (
                  <span className="muted small">end state</span>
                )}{" "}
                {item.text}
              </dd>
            ))}
          </div>
        );
      })}
    </dl>
  );
}

/** Step → labels whose evidence points at it. */
export function evidenceMarkers(trial: TrialResponse): Map<number, string[]> {
  const markers = new Map<number, string[]>();
  for (const [label, items] of Object.entries(trial.evidence)) {
    for (const item of items ?? []) {
      if (item.step === null) continue;
      const list = markers.get(item.step) ?? [];
      if (!list.includes(label)) list.push(label);
      markers.set(item.step, list);
    }
  }
  return markers;
}
