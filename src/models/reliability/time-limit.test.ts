import { describe, expect, it } from "vitest";
import { TrialTimeLimitError, trialSignal } from "./time-limit.js";

describe("trialSignal", () => {
  it("aborts a trial that runs past its limit, and says so", async () => {
    const trial = trialSignal(20);
    await new Promise((r) => setTimeout(r, 40));
    expect(trial.signal.aborted).toBe(true);
    expect(trial.timedOut).toBe(true);
    expect(trial.signal.reason).toBeInstanceOf(TrialTimeLimitError);
  });
  it("follows the study's signal without calling it a time-out", () => {
    const study = new AbortController();
    const trial = trialSignal(10_000, study.signal);
    study.abort(new Error("interrupted"));
    expect(trial.signal.aborted).toBe(true);
    expect(trial.timedOut).toBe(false);
    trial.dispose();
  });
});
