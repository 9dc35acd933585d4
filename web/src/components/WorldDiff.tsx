import type { WorldChange } from "../api.js";
import { bytes } from "../format.js";

function When({ change }: { change: WorldChange }) {
  const { before, after } = change;
  if (change.kind === "retimed" && before && after) return <span className="small">mtime {before.mtime.slice(0, 19)} → {after.mtime.slice(0, 19)}</span>;
  if (change.kind === "modified" && before && after) return <span className="small">{bytes(before.size)} → {bytes(after.size)}</span>;
  const state = after ?? before;
  return state ? <span className="small">{bytes(state.size)} · {state.owner} · {state.mtime.slice(0, 16).replace("T", " ")}</span> : null;
}

/** What the episode changed in the world, per host. */
export function WorldDiff({ changes }: { changes: WorldChange[] }) {
  if (changes.length === 0) return <p className="muted">No file changed.</p>;
  const hosts = [...new Set(changes.map((change) => change.host))];
  return (
    <div className="world">
      {hosts.map((host) => (
        <div key={host} className="host">
          <h4>{host}</h4>
          <ul>
            {changes
              .filter((change) => change.host === host)
              .map((change) => (
                <li key={`${change.kind}:${change.path}`} className={`change ${change.kind}`}>
                  <span className={`badge kind-${change.kind}`}>{change.kind}</span>
                  <span className="mono path">
                    {change.from ? `${change.from} → ` : ""}
                    {change.path}
                  </span>
                  <When change={change} />
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
