import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CostMeter } from "../pricing/cost-meter.js";
import { ProviderStats } from "./events.js";
import { StudyProgress, formatProgress } from "./progress.js";

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join("") };
}

describe("StudyProgress", () => {
  it("reports done/total, rate, ETA, errors, retries, tokens and cost", () => {
    let t = 0;
    const stats = new ProviderStats();
    const cost = new CostMeter({ currency: "USD", per: 1_000_000, models: { "openai:gpt-x": { input: 1, output: 2 } } });
    stats.add({ type: "retry", spec: "openai:gpt-x", attempt: 1, reason: "rate-limit", delayMs: 10, message: "429" });
    const call = { type: "call" as const, spec: "openai:gpt-x", usage: { inputTokens: 600_000, outputTokens: 200_000, reasoningTokens: 0 }, cached: false };
    stats.add(call);
    cost.listener(call);
    const out = sink();
    const progress = new StudyProgress({ total: 10, alreadyDone: 2, stats, cost, stream: out.stream, live: false, now: () => t });
    t = 4_000;
    progress.trialFinished("ok");
    progress.trialFinished("error");
    const snap = progress.snapshot();
    expect(snap).toMatchObject({ done: 4, total: 10, errors: 1, retries: 1, tokens: 800_000, rate: 0.5, etaSeconds: 12 });
    expect(snap.costUsd).toBeCloseTo(1.0);
    progress.stop();
    expect(out.text()).toBe("4/10 trials | 0.50/s | ETA 12s | 1 errors | 1 retries | 800k tokens | $1.00\n");
  });

  it("draws a live bar on a terminal", () => {
    const out = sink();
    const progress = new StudyProgress({ total: 3, stream: out.stream, live: true });
    progress.trialFinished("ok");
    progress.stop();
    expect(out.text()).toContain("1/3 trials");
  });

  it("formats long ETAs in hours", () => {
    expect(formatProgress({ done: 1, total: 9, errors: 0, rate: 0.001, etaSeconds: 8_000, retries: 0, tokens: 12, costUsd: null })).toContain("ETA 2h13m");
  });
});
