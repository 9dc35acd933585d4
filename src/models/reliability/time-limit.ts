/** Why a trial was stopped by its wall-clock limit; the runner stores it as the trial's error. */
export class TrialTimeLimitError extends Error {
  constructor(readonly limitMs: number) {
    super(`trial exceeded its wall-clock limit of ${Math.round(limitMs / 1000)} s`);
    this.name = "TrialTimeLimitError";
  }
}

export interface TrialSignal {
  /** Aborts when the study stops or the trial runs out of time. */
  signal: AbortSignal;
  /** True when it was the time limit that aborted the trial (then record it as an error, not as aborted). */
  readonly timedOut: boolean;
  /** Clears the timer once the trial is over. */
  dispose(): void;
}

/**
 * The signal for one trial: the study's signal plus a wall-clock limit. A trial stopped by the
 * study (Ctrl-C, budget) is left unrecorded for --resume; one stopped by its limit is an error.
 */
export function trialSignal(limitMs: number | null, parent?: AbortSignal): TrialSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onParent = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParent();
  else parent?.addEventListener("abort", onParent, { once: true });
  const timer =
    limitMs === null
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new TrialTimeLimitError(limitMs));
        }, limitMs);
  timer?.unref();
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener("abort", onParent);
    },
  };
}
