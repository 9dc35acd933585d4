import type { StudyDimensions } from "../api.js";
import { FILTER_KEYS, selected, toggle, valuesOf } from "../selection.js";

/** One row of toggles per dimension with more than one value in the study; nothing on means any. */
export function Filters({ dimensions, query, onChange }: { dimensions: StudyDimensions; query: URLSearchParams; onChange: (next: URLSearchParams) => void }) {
  const keys = FILTER_KEYS.filter((key) => valuesOf(dimensions, key).length > 1);
  const active = keys.some((key) => selected(query, key).length > 0);
  return (
    <div className="filters" aria-label="filters">
      {keys.map((key) => {
        const chosen = selected(query, key);
        return (
          <div className="filter" key={key} data-filter={key}>
            <span className="filter-name">{key}</span>
            {valuesOf(dimensions, key).map((value) => {
              const on = chosen.includes(String(value));
              return (
                <button key={String(value)} type="button" className={`chip${on ? " on" : ""}`} aria-pressed={on} onClick={() => onChange(toggle(query, key, String(value)))}>
                  {String(value)}
                </button>
              );
            })}
          </div>
        );
      })}
      {active && (
        <button
          type="button"
          className="link"
          onClick={() => {
            const next = new URLSearchParams(query);
            for (const key of keys) next.delete(key);
            onChange(next);
          }}
        >
          clear filters
        </button>
      )}
    </div>
  );
}
