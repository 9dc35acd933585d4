import { describe, expect, it } from "vitest";
import { CostMeter, PriceTableSchema } from "../models/pricing/index.js";
import { ProviderStats } from "../models/reliability/index.js";
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

describe("progress with hosted models", () => {
  const meters = () => {
    const stats = new ProviderStats();
    const cost = new CostMeter(PriceTableSchema.parse({ models: { "openai:*": { input: 1, output: 4 } } }));
    const call = (input: number, output: number, cached = false) => {
      const event = { type: "call" as const, spec: "openai:gpt-5.2", usage: { inputTokens: input, outputTokens: output, reasoningTokens: 0 }, cached };
      stats.add(event);
      cost.listener(event);
    };
    return { stats, cost, call };
  };

  it("adds retries, tokens and cost to each line, cached answers costing nothing", () => {
    const { stats, cost, call } = meters();
    call(12_000, 3_000);
    call(12_000, 3_000, true);
    stats.add({ type: "retry", spec: "openai:gpt-5.2", attempt: 1, reason: "rate-limit", delayMs: 10, message: "429" });
    expect(progressLine(state(2), { stats, cost })).toBe("trials 2/10  5.0/s  ETA 2s  errors 0  retries 1  tokens 30k  cost $0.0240");
  });

  it("prints a line every interval while trials run, with the meters as they move", async () => {
    const { stats, cost, call } = meters();
    let text = "";
    const reporter = createProgressReporter({ write: (chunk: string) => (text += chunk) }, 20, { stats, cost });
    reporter.update(state(0));
    call(1_000, 0);
    await new Promise((resolve) => setTimeout(resolve, 70));
    reporter.finish();
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("trials 0/10  5.0/s  ETA 2s  errors 0  retries 0  tokens 0  cost $0.0000");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toBe("trials 0/10  5.0/s  ETA 2s  errors 0  retries 0  tokens 1000  cost $0.0010");
  });

  it("shows the meters on the live bar of a terminal", () => {
    const { stats, cost, call } = meters();
    let text = "";
    const terminal = { isTTY: true, columns: 160, write: (chunk: string) => ((text += chunk), true), on: () => terminal, removeListener: () => terminal };
    const reporter = createProgressReporter(terminal, 60_000, { stats, cost });
    call(2_000, 500);
    reporter.update(state(4, { errors: 1 }));
    reporter.finish();
    expect(text).toMatch(/trials .* 4\/10 {2}5\.0\/s {2}ETA 2s {2}errors 1 {2}retries 0 {2}tokens 2500 {2}cost \$0\.0040/);
  });
});
