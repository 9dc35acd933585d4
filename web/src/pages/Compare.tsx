import { api, type TrialResponse } from "../api.js";
import { LabelsPanel, evidenceMarkers } from "../components/LabelsPanel.js";
import { Status } from "../components/Status.js";
import { Timeline } from "../components/Timeline.js";
import { TrialHeader } from "../components/TrialHeader.js";
import { WorldDiff } from "../components/WorldDiff.js";
import { labelClass, showValue } from "../labels.js";
import { href } from "../route.js";
import { useFetch } from "../useFetch.js";

function Side({ trial, differs }: { trial: TrialResponse; differs: string[] }) {
  const stepHref = (n: number) => href.trial(trial.id, n);
  return (
    <div className="side" data-trial={trial.id}>
      <TrialHeader trial={trial} differs={differs} />
      <h3>Labels</h3>
      <LabelsPanel trial={trial} stepHref={stepHref} />
      <h3>World changes</h3>
      <WorldDiff changes={trial.worldDiff} />
      <h3>Timeline</h3>
      <Timeline events={trial.transcript.events} focus={null} markers={evidenceMarkers(trial)} stepHref={stepHref} compact />
    </div>
  );
}

/** Two trials side by side, their differing conditions marked. */
export function ComparePage({ a, b }: { a: string; b: string }) {
  const loaded = useFetch(`compare:${a}:${b}`, (signal) => Promise.all([api.trial(a, signal), api.trial(b, signal)]));
  return (
    <Status loaded={loaded}>
      {([left, right]) => {
        const differs = Object.keys(left.condition).filter((key) => left.condition[key as keyof typeof left.condition] !== right.condition[key as keyof typeof right.condition]);
        if (left.model !== right.model) differs.push("model");
        return (
          <section className="compare">
            <h1>Compare</h1>
            <p className="muted">
              {differs.length > 0 ? `Differs in ${differs.join(", ")}.` : "Same condition and model."} Labels that disagree are marked.
            </p>
            <LabelDiff left={left} right={right} />
            <div className="sides">
              <Side trial={left} differs={differs} />
              <Side trial={right} differs={differs} />
            </div>
          </section>
        );
      }}
    </Status>
  );
}

function LabelDiff({ left, right }: { left: TrialResponse; right: TrialResponse }) {
  const names = (Object.keys(left.labels) as Array<keyof TrialResponse["labels"]>).filter((label) => left.labels[label] !== null || right.labels[label] !== null);
  return (
    <table className="grid label-diff">
      <thead>
        <tr>
          <th>Label</th>
          <th>{left.id}</th>
          <th>{right.id}</th>
        </tr>
      </thead>
      <tbody>
        {names.map((label) => {
          const differ = left.labels[label] !== right.labels[label];
          return (
            <tr key={label} className={differ ? "differs" : ""} data-label={label}>
              <td>{label.replace(/_/g, " ")}</td>
              <td className={labelClass(label, left.labels[label])}>{showValue(left.labels[label])}</td>
              <td className={labelClass(label, right.labels[label])}>{showValue(right.labels[label])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
