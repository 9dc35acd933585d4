import type { Figure, StudyDimensions } from "./api.js";

/** Filter keys in the order the filter bar shows them. */
export const FILTER_KEYS = ["scenario", "model", "subject", "relationship", "control", "instantiation", "monitoring", "dataset", "threshold", "surface"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export function valuesOf(dimensions: StudyDimensions, key: FilterKey): Array<string | number> {
  if (key === "scenario") return dimensions.scenario;
  if (key === "model") return dimensions.model;
  return dimensions.condition[key];
}

/** The values selected for a key (empty: any). */
export function selected(query: URLSearchParams, key: string): string[] {
  return query.getAll(key).flatMap((value) => (key === "model" ? [value] : value.split(","))).filter(Boolean);
}

export function toggle(query: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(query);
  const current = selected(query, key);
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  next.delete(key);
  if (key === "model") values.forEach((v) => next.append(key, v));
  else if (values.length > 0) next.set(key, values.join(","));
  return next;
}

/** Only the filter parameters of a query (what the results and trial listings share). */
export function filtersOnly(query: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, value] of query) if ((FILTER_KEYS as ReadonlyArray<string>).includes(key)) next.append(key, value);
  return next;
}

/** The results matrix's query for a study page's query: its filters, baseline and interval level. */
export function resultsQuery(query: URLSearchParams): URLSearchParams {
  const next = filtersOnly(query);
  for (const key of ["baseline", "level"]) {
    const value = query.get(key);
    if (value) next.set(key, value);
  }
  return next;
}

/** The trials a matrix cell counts: the figure's side within the current filters. */
export function cellQuery(filters: URLSearchParams, figure: Figure, side: "treatment" | "control" = "treatment"): URLSearchParams {
  const selector = side === "control" && figure.control ? figure.control : figure.treatment;
  const query = new URLSearchParams();
  const intersect = (key: string, values: Array<string | number>) => {
    const chosen = selected(filters, key);
    const kept = chosen.length === 0 ? values.map(String) : values.map(String).filter((v) => chosen.includes(v));
    return kept.length > 0 ? kept : ["__none__"];
  };
  query.set("scenario", intersect("scenario", selector.scenarios).join(","));
  const against = figure.comparison?.against;
  query.append("model", side === "control" && against !== undefined && against !== "control" ? against : figure.model);
  for (const key of FILTER_KEYS) {
    if (key === "scenario" || key === "model") continue;
    const values = selector.where[key];
    if (values) query.set(key, intersect(key, values).join(","));
    else if (selected(filters, key).length > 0) query.set(key, selected(filters, key).join(","));
  }
  return query;
}
