import { api } from "../api.js";
import { LabelsPanel, evidenceMarkers } from "../components/LabelsPanel.js";
import { Status } from "../components/Status.js";
import { Timeline } from "../components/Timeline.js";
import { TrialHeader } from "../components/TrialHeader.js";
import { WorldDiff } from "../components/WorldDiff.js";
import { href } from "../route.js";
import { useFetch } from "../useFetch.js";

/** Condition keys worth comparing a trial across, with the label for the button. */
const TWINS: Array<[key: string, label: string]> = [
  ["monitoring", "monitored / unmonitored"],
  ["control", "shutdown / no-shutdown"],
  ["relationship", "other relationship"],
  ["surface", "other surface"],
];

function CompareLinks({ id }: { id: string }) {
  const found = useFetch(`twins:${id}`, async (signal) =>
    Promise.all(TWINS.map(async ([key, label]) => ({ key, label, twins: (await api.counterparts(id, key, signal)).counterparts }))),
  );
  if (found.state !== "ok") return null;
  const links = found.data.filter((entry) => entry.twins.length > 0);
  if (links.length === 0) return null;
  return (
    <div className="compare-links">
      <span className="muted">Compare with:</span>
      {links.map(({ key, label, twins }) => (
        <a key={key} className="button" href={href.compare(id, twins[0]!.id)} data-compare={key}>
          {label}: {String(twins[0]!.value)}
          {twins[0]!.differs.length > 0 && <span className="muted small"> (also {twins[0]!.differs.join(", ")})</span>}
        </a>
      ))}
    </div>
  );
}

export function TrialPage({ id, step }: { id: string; step: number | null }) {
  const loaded = useFetch(`trial:${id}`, (signal) => api.trial(id, signal));
  const stepHref = (n: number) => href.trial(id, n);
  return (
    <Status loaded={loaded}>
      {(trial) => (
        <section className="trial">
          <TrialHeader trial={trial} />
          <CompareLinks id={trial.id} />
          <div className="trial-body">
            <div className="left">
              <h2>Timeline</h2>
              <Timeline events={trial.transcript.events} focus={step} markers={evidenceMarkers(trial)} stepHref={stepHref} />
            </div>
            <aside className="right">
              <h2>Labels and evidence</h2>
              <LabelsPanel trial={trial} stepHref={stepHref} />
              <h2>World changes</h2>
              <WorldDiff changes={trial.worldDiff} />
            </aside>
          </div>
        </section>
      )}
    </Status>
  );
}
