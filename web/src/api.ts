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

async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`api/${path}`, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({ error: response.statusText }))) as { error?: string };
    throw new ApiError(response.status, body.error ?? response.statusText);
  }
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

export const api = {
  studies: (signal?: AbortSignal) => get<StudyListItem[]>("studies", signal),
  study: (name: string, signal?: AbortSignal) => get<StudyDetail>(`studies/${enc(name)}`, signal),
  results: (name: string, query: string, signal?: AbortSignal) => get<ResultsResponse>(`studies/${enc(name)}/results${query ? `?${query}` : ""}`, signal),
  trials: (name: string, query: string, signal?: AbortSignal) => get<TrialPage>(`studies/${enc(name)}/trials${query ? `?${query}` : ""}`, signal),
  trial: (id: string, signal?: AbortSignal) => get<TrialResponse>(`trials/${enc(id)}`, signal),
  counterparts: (id: string, key: string, signal?: AbortSignal) => get<CounterpartsResponse>(`trials/${enc(id)}/counterparts?key=${enc(key)}`, signal),
};
