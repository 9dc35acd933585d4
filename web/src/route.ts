/** The app's place, kept in the URL hash so every view (down to a transcript step) is a link. */
export type Route =
  | { page: "studies" }
  | { page: "study"; study: string; query: URLSearchParams }
  | { page: "trials"; study: string; query: URLSearchParams }
  | { page: "trial"; id: string; step: number | null; q: string }
  | { page: "compare"; a: string; b: string };

export function parseRoute(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?");
  const query = new URLSearchParams(search);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "study" && parts[1] !== undefined) {
    return parts[2] === "trials" ? { page: "trials", study: parts[1], query } : { page: "study", study: parts[1], query };
  }
  if (parts[0] === "trial" && parts[1] !== undefined) {
    const step = query.get("step");
    return { page: "trial", id: parts[1], step: step !== null && /^\d+$/.test(step) ? Number(step) : null, q: query.get("q") ?? "" };
  }
  if (parts[0] === "compare" && parts[1] !== undefined && parts[2] !== undefined) return { page: "compare", a: parts[1], b: parts[2] };
  return { page: "studies" };
}

const enc = encodeURIComponent;
const withQuery = (path: string, query?: URLSearchParams | string) => {
  const text = query === undefined ? "" : query.toString();
  return text ? `${path}?${text}` : path;
};

export const href = {
  studies: () => "#/",
  study: (study: string, query?: URLSearchParams | string) => withQuery(`#/study/${enc(study)}`, query),
  trials: (study: string, query?: URLSearchParams | string) => withQuery(`#/study/${enc(study)}/trials`, query),
  trial: (id: string, step?: number | null) => `#/trial/${enc(id)}${step === undefined || step === null ? "" : `?step=${step}`}`,
  compare: (a: string, b: string) => `#/compare/${enc(a)}/${enc(b)}`,
};
