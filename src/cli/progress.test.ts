import { describe, expect, it } from "vitest";
import { createProgressReporter, progressLine } from "./progress.js";

const state = (done: number, extra: Partial<Parameters<typeof progressLine>[0]> = {}) => ({ done, total: 10, errors: 0, skipped: 0, rate: 5, etaSeconds: (10 - done) / 5, ...extra });

describe("progress on a non-terminal stream", () => {
  it("prints done/total, rate, ETA and errors, at most once per interval plus a final line", () => {
    let text = "";
    const reporter = createProgressReporter({ write: (chunk: string) => (text += chunk) }, 60_000);
    for (let done = 0; done <= 10; done++) reporter.update(state(done, { errors: done > 5 ? 1 : 0 }));
    reporter.finish();
    expect(text.trim().split("\n")).toEqual(["trials 0/10  5.0/s  ETA 2s  errors 0", "trials 10/10  5.0/s  ETA 0s  errors 1"]);
  });

  it("says how many trials a resume found stored, and formats long ETAs", () => {
    expect(progressLine(state(1, { skipped: 7, etaSeconds: 3725 }))).toBe("trials 1/10  5.0/s  ETA 1h02m  errors 0  (7 already stored)");
    expect(progressLine(state(0, { etaSeconds: null, rate: 0 }))).toBe("trials 0/10  0.0/s  ETA --  errors 0");
  });
});
