import pLimit from "p-limit";
import { trialSignal } from "../models/reliability/index.js";
import type { ModelProvider } from "../models/types.js";
import type { PlannedTrial } from "./matrix.js";
import type { StudyPlan } from "./plan.js";
import type { TrialRecord } from "./record.js";
import type { Store } from "./store/index.js";
import { runTrial, type TrialLabeller } from "./trial.js";

export interface StudyProgress {
  done: number;
  total: number;
  errors: number;
  /** Trials already stored before this run (a resume). */
  skipped: number;
  /** Trials per second over this run. */
  rate: number;
  /** Seconds left at the current rate; null before the first trial ends. */
  etaSeconds: number | null;
}

export interface RunStudyOptions {
  store: Store;
  /** How finished episodes are labelled (rules by default). */
  labeller?: TrialLabeller;
  study: string;
  plan: StudyPlan;
  trials: ReadonlyArray<PlannedTrial>;
  /** One provider per model spec of the plan. */
  providers: ReadonlyMap<string, ModelProvider>;
  concurrency: number;
  /** Once aborted, no new trial starts; running ones finish and are written. */
  stop?: AbortSignal;
  /** Aborts running trials too; they are not written. */
  abort?: AbortSignal;
  /** Wall-clock limit of one trial; a trial that reaches it is stored as an error (resume runs it again). None by default. */
  trialTimeoutMs?: number | null;
  onProgress?: (progress: StudyProgress) => void;
  onTrial?: (record: TrialRecord) => void;
  /** Extra wait before each trial, in ms (lets tests interrupt a study mid-way). */
  trialDelayMs?: number;
}

export interface RunStudyResult {
  /** True when every trial of the plan is stored and none is an error left to retry. */
  finished: boolean;
  ran: number;
  errors: number;
  interrupted: boolean;
}

/** The trials a run still has to do: not stored yet, or stored as errors. */
export async function pendingTrials(store: Store, study: string, trials: ReadonlyArray<PlannedTrial>): Promise<PlannedTrial[]> {
  const stored = await store.trialStatuses(study);
  return trials.filter((trial) => {
    const status = stored.get(trial.id);
    return status === undefined || status === "error";
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the pending trials of a study with at most `concurrency` at a time, writing each one to the
 * store as it ends. A trial's failure is recorded as an error trial and never stops the study.
 */
export async function runStudy(options: RunStudyOptions): Promise<RunStudyResult> {
  const pending = await pendingTrials(options.store, options.study, options.trials);
  const limit = pLimit(Math.max(1, options.concurrency));
  const startedAt = performance.now();
  const total = pending.length;
  const skipped = options.trials.length - total;
  let done = 0;
  let errors = 0;
  let writeFailure: unknown = null;

  const report = () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    options.onProgress?.({ done, total, errors, skipped, rate, etaSeconds: done > 0 && rate > 0 ? (total - done) / rate : null });
  };
  report();

  const runOne = async (trial: PlannedTrial) => {
    if (options.stop?.aborted || options.abort?.aborted || writeFailure) return;
    if (options.trialDelayMs) await sleep(options.trialDelayMs);
    const provider = options.providers.get(trial.model);
    if (!provider) throw new Error(`no provider for model ${trial.model}`);
    const limit = trialSignal(options.trialTimeoutMs ?? null, options.abort);
    let record: TrialRecord | null;
    try {
      record = await runTrial(trial, {
        study: options.study,
        plan: options.plan,
        provider,
        signal: limit.signal,
        ...(options.labeller ? { labeller: options.labeller } : {}),
      });
    } finally {
      limit.dispose();
    }
    if (!record) return;
    try {
      await options.store.putTrial(record, trial.ordinal);
    } catch (error) {
      writeFailure ??= error;
      return;
    }
    done++;
    if (record.status === "error") errors++;
    options.onTrial?.(record);
    report();
  };

  await Promise.all(pending.map((trial) => limit(() => runOne(trial))));
  if (writeFailure) throw writeFailure;
  const interrupted = done < total;
  return { finished: !interrupted && errors === 0, ran: done, errors, interrupted };
}
