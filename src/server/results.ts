import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { BEHAVIOURS, computeHeadline } from "../analysis/metrics/index.js";
import type { Store } from "../study/store/index.js";
import { TrialGroupCache, loadTrialGroups, selectGroups } from "./groups.js";
import type { TrialSelection } from "./params.js";
import type { ResultsResponse } from "./types.js";

export interface ResultsOptions {
  baseline: string | null;
  level: number;
  alpha: number;
}

/** Computes one matrix; the default runs in this thread. `version` names the study's state, for reusing its trial groups. */
export type ComputeResults = (store: Store, study: string, selection: TrialSelection, options: ResultsOptions, version?: string) => Promise<ResultsResponse>;

export interface ResultsJob {
  id: number;
  path: string;
  study: string;
  selection: TrialSelection;
  options: ResultsOptions;
  version?: string;
}

type Reply = { id: number; value: ResultsResponse } | { id: number; error: string };

/** The worker module beside this one: compiled .js, or .ts when running from source under tsx. */
function workerFile(): string | null {
  for (const name of ["./results-worker.js", "./results-worker.ts"]) {
    const file = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

/**
 * Matrices computed in a worker thread, so the server keeps answering while a big study's matrix
 * is computed. In-memory stores, and any failure to run the worker (e.g. source files without a
 * TypeScript loader), fall back to computing in this thread.
 */
export function workerResults(): { compute: ComputeResults; start: () => void; close: () => Promise<void> } {
  let worker: Worker | null = null;
  let failed = false;
  let next = 0;
  const pending = new Map<number, { resolve: (value: ResultsResponse) => void; reject: (error: Error) => void; inline: () => void }>();
  const fallBack = () => {
    failed = true;
    worker = null;
    for (const job of pending.values()) job.inline();
    pending.clear();
  };
  const start = (): Worker | null => {
    if (failed) return null;
    if (worker) return worker;
    const file = workerFile();
    if (!file) return (failed = true), null;
    try {
      // from source, the worker registers the TypeScript loader itself (loader hooks do not reach workers)
      worker = file.endsWith(".ts")
        ? new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`, { eval: true })
        : new Worker(file);
    } catch {
      return (failed = true), null;
    }
    worker.unref();
    worker.on("message", (reply: Reply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      if (!job) return;
      if ("value" in reply) job.resolve(reply.value);
      else job.reject(new Error(reply.error));
    });
    worker.on("error", fallBack);
    worker.on("exit", (code) => {
      if (pending.size > 0 || code !== 0) fallBack();
    });
    return worker;
  };
  const compute: ComputeResults = (store, study, selection, options, version) => {
    const thread = store.path === ":memory:" ? null : start();
    if (!thread) return computeResults(store, study, selection, options, version);
    return new Promise((resolve, reject) => {
      const id = next++;
      const inline = () => computeResults(store, study, selection, options, version).then(resolve, reject);
      pending.set(id, { resolve, reject, inline });
      thread.postMessage({ id, path: store.path, study, selection, options, ...(version === undefined ? {} : { version }) } satisfies ResultsJob);
    });
  };
  return {
    compute,
    /** Starts the worker ahead of the first matrix (its start takes a moment, most of all from source). */
    start: () => {
      start();
    },
    close: async () => {
      failed = true;
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  };
}

/** How long a running study's matrix may lag behind its trials (scanning a big study's trials again takes a second). */
const RUNNING_RESULTS_MS = 15_000;

/**
 * The results matrix of a study: the report's headline figures (models × behaviours, with Wilson
 * or Newcombe intervals and Holm-adjusted tests) from the analysis layer, over the selected trials.
 * Results are kept per selection and study version (trial counts and last update), so a finished
 * study's matrix is computed once per filter; a running study's is recomputed as trials land, or,
 * when that takes longer than `slowMs` (a big study), at most every RUNNING_RESULTS_MS.
 */
export class ResultsCache {
  private readonly entries = new Map<string, { version: string; at: number; tookMs: number; value: ResultsResponse }>();

  constructor(
    private readonly capacity = 32,
    private readonly now: () => number = Date.now,
    private readonly slowMs = 250,
    private readonly compute: ComputeResults = computeResults,
  ) {}

  async get(store: Store, study: string, version: string, selection: TrialSelection, options: ResultsOptions, running = false): Promise<ResultsResponse> {
    const key = JSON.stringify([study, selection, options]);
    const hit = this.entries.get(key);
    if (hit && (hit.version === version || (running && hit.tookMs > this.slowMs && this.now() - hit.at < RUNNING_RESULTS_MS))) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const started = performance.now();
    const value = await this.compute(store, study, selection, options, version);
    this.entries.delete(key);
    this.entries.set(key, { version, at: this.now(), tookMs: performance.now() - started, value });
    for (const old of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(old);
    }
    return value;
  }
}

const groupCache = new TrialGroupCache();

/**
 * One matrix: the headline figures over the selected groups of the study's trials. With a
 * version, the study's groups are scanned once for it and kept (in the thread that computes).
 */
export async function computeResults(store: Store, study: string, selection: TrialSelection, options: ResultsOptions, version?: string): Promise<ResultsResponse> {
  const groups = version === undefined ? await loadTrialGroups(store, study) : await groupCache.get(store, study, version);
  const metrics = computeHeadline(selectGroups(groups, selection), options);
  return {
    study,
    behaviours: BEHAVIOURS.map(({ id, title, description, kind }) => ({ id, title, description, kind })),
    models: metrics.models,
    baseline: metrics.baseline,
    alpha: metrics.alpha,
    level: metrics.level,
    totals: metrics.totals,
    figures: metrics.headline,
  };
}
