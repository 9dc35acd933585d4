import type {
  CounterpartsResponse,
  ResultsResponse,
  StudyDetail,
  StudyListItem,
  TrialPage,
  TrialResponse,
} from "../../src/server/types.js";

export type * from "../../src/server/types.js";
export type { Figure } from "../../src/analysis/figures.js";
export type { TranscriptEvent } from "../../src/agent/transcript.js";
export type { WorldChange } from "../../src/world/snapshot.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function load<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`api/${path}`, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({ error: response.statusText }))) as { error?: string };
    throw new ApiError(response.status, body.error ?? response.statusText);
  }
  return (await response.json()) as T;
}

/** Requests made before the app's code had loaded (see preload.ts); the app's first request of the same path takes the answer. */
const early = new Map<string, Promise<unknown>>();

export function requestEarly(path: string): void {
  if (early.has(path)) return;
  const answer = load(path);
  answer.catch(() => undefined);
  early.set(path, answer);
}

function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  const answer = early.get(path);
  if (answer === undefined) return load<T>(path, signal);
  // kept for the rest of this task: React's strict mode asks twice at once
  setTimeout(() => early.delete(path), 0);
  return answer as Promise<T>;
}

const enc = encodeURIComponent;

/** The API path of each request. */
export const paths = {
  studies: () => "studies",
  study: (name: string) => `studies/${enc(name)}`,
  results: (name: string, query: string) => `studies/${enc(name)}/results${query ? `?${query}` : ""}`,
  trials: (name: string, query: string) => `studies/${enc(name)}/trials${query ? `?${query}` : ""}`,
  trial: (id: string) => `trials/${enc(id)}`,
  counterparts: (id: string, key: string) => `trials/${enc(id)}/counterparts?key=${enc(key)}`,
};

export const api = {
  studies: (signal?: AbortSignal) => get<StudyListItem[]>(paths.studies(), signal),
  study: (name: string, signal?: AbortSignal) => get<StudyDetail>(paths.study(name), signal),
  results: (name: string, query: string, signal?: AbortSignal) => get<ResultsResponse>(paths.results(name, query), signal),
  trials: (name: string, query: string, signal?: AbortSignal) => get<TrialPage>(paths.trials(name, query), signal),
  trial: (id: string, signal?: AbortSignal) => get<TrialResponse>(paths.trial(id), signal),
  counterparts: (id: string, key: string, signal?: AbortSignal) => get<CounterpartsResponse>(paths.counterparts(id, key), signal),
};
