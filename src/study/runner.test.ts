import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createProvider } from "../models/index.js";
import type { ModelProvider } from "../models/types.js";
import { expandPlan, validatePlan } from "./matrix.js";
import { runStudy } from "./runner.js";
import { Store } from "./store/index.js";

const plan = validatePlan({
  scenarios: ["finance"],
  conditions: { surface: ["tools"], relationship: ["good", "none"] },
  models: ["policy:faithful"],
  epochs: 2,
  seed: 1,
});
const trials = expandPlan(plan);

/** Wraps a provider to count how many generate calls run at once. */
function counting(inner: ModelProvider): ModelProvider & { peak: number } {
  let running = 0;
  const wrapper = {
    spec: inner.spec,
    family: inner.family,
    peak: 0,
    async generate(request: Parameters<ModelProvider["generate"]>[0]) {
      running++;
      wrapper.peak = Math.max(wrapper.peak, running);
      try {
        await new Promise((resolve) => setTimeout(resolve, 2));
        return await inner.generate(request);
      } finally {
        running--;
      }
    },
  };
  return wrapper;
}

describe("runStudy", () => {
  let store: Store;
  beforeEach(async () => {
    store = await Store.open(":memory:");
    await store.createStudy({ name: "s", plan });
  });
  afterEach(async () => {
    await store.close();
  });

  it("runs every trial once within the concurrency limit and stores each as it ends", async () => {
    const provider = counting(await createProvider("policy:faithful"));
    const seen: string[] = [];
    const progress: number[] = [];
    const result = await runStudy({
      store,
      study: "s",
      plan,
      trials,
      providers: new Map([["policy:faithful", provider]]),
      concurrency: 2,
      onTrial: (record) => seen.push(record.id),
      onProgress: (state) => progress.push(state.done),
    });
    expect(result).toEqual({ finished: true, ran: trials.length, errors: 0, interrupted: false });
    expect(provider.peak).toBe(2);
    expect(seen.sort()).toEqual(trials.map((t) => t.id).sort());
    expect(progress.at(-1)).toBe(trials.length);
    expect((await store.listTrialSummaries("s")).map((t) => t.id)).toEqual(trials.map((t) => t.id));
  });

  it("records a failing trial as an error with its cause and carries on; a rerun retries only that trial", async () => {
    const faithful = await createProvider("policy:faithful");
    const failOn = trials[1]!.id;
    let calls = 0;
    const flaky: ModelProvider = {
      spec: faithful.spec,
      family: faithful.family,
      generate: async (request) => {
        calls++;
        if (request.trial.trialId === failOn) throw new Error("connection reset by peer");
        return faithful.generate(request);
      },
    };
    const first = await runStudy({ store, study: "s", plan, trials, providers: new Map([["policy:faithful", flaky]]), concurrency: 3 });
    expect(first).toMatchObject({ ran: trials.length, errors: 1, interrupted: false, finished: false });
    const failed = await store.getTrial(failOn);
    expect(failed?.status).toBe("error");
    expect(failed?.error).toMatch(/connection reset by peer/);
    expect(failed?.labels.inflation).toBeNull();

    calls = 0;
    const second = await runStudy({ store, study: "s", plan, trials, providers: new Map([["policy:faithful", faithful]]), concurrency: 3 });
    expect(second).toMatchObject({ ran: 1, errors: 0, finished: true });
    expect(calls).toBe(0);
    expect((await store.getTrial(failOn))?.status).toBe("ok");
    expect((await store.counts("s")).total).toBe(trials.length);
  });

  it("stores a trial that outlives its wall-clock limit as an error with its transcript, and a rerun retries only it", async () => {
    const faithful = await createProvider("policy:faithful");
    const slowOn = trials[2]!.id;
    const hanging: ModelProvider = {
      spec: faithful.spec,
      family: faithful.family,
      generate: async (request) => {
        if (request.trial.trialId === slowOn && request.messages.length > 3) {
          // A model that never answers: only the trial's signal ends the wait.
          await new Promise((_, reject) => request.signal?.addEventListener("abort", () => reject(request.signal?.reason as Error), { once: true }));
        }
        return faithful.generate(request);
      },
    };
    const providers = new Map([["policy:faithful", hanging]]);
    const first = await runStudy({ store, study: "s", plan, trials, providers, concurrency: 2, trialTimeoutMs: 200 });
    expect(first).toMatchObject({ ran: trials.length, errors: 1, finished: false, interrupted: false });
    const slow = await store.getTrial(slowOn);
    expect(slow?.status).toBe("error");
    expect(slow?.error).toBe("trial exceeded its wall-clock limit of 0 s");
    expect(slow?.transcript.events.filter((event) => event.type === "assistant").length).toBeGreaterThan(0);
    expect((await store.trialStatuses("s")).size).toBe(trials.length);

    const second = await runStudy({ store, study: "s", plan, trials, providers: new Map([["policy:faithful", faithful]]), concurrency: 2, trialTimeoutMs: 60_000 });
    expect(second).toMatchObject({ ran: 1, errors: 0, finished: true });
    expect((await store.getTrial(slowOn))?.status).toBe("ok");
  });

  it("leaves a trial aborted by the study unstored, even with a time limit", async () => {
    const faithful = await createProvider("policy:faithful");
    const abort = new AbortController();
    const stalling: ModelProvider = {
      spec: faithful.spec,
      family: faithful.family,
      generate: async (request) => {
        abort.abort(new Error("interrupted"));
        if (request.signal?.aborted) throw request.signal.reason as Error;
        return faithful.generate(request);
      },
    };
    const result = await runStudy({ store, study: "s", plan, trials, providers: new Map([["policy:faithful", stalling]]), concurrency: 1, abort: abort.signal, trialTimeoutMs: 5_000 });
    expect(result).toMatchObject({ ran: 0, interrupted: true });
    expect((await store.counts("s")).total).toBe(0);
  });

  it("starts no new trial once stopped, and a later run completes the rest", async () => {
    const provider = await createProvider("policy:faithful");
    const stop = new AbortController();
    const first = await runStudy({
      store,
      study: "s",
      plan,
      trials,
      providers: new Map([["policy:faithful", provider]]),
      concurrency: 1,
      stop: stop.signal,
      onTrial: () => {
        if ((stop.signal.aborted as boolean) === false) stop.abort();
      },
    });
    expect(first).toMatchObject({ ran: 1, interrupted: true, finished: false });
    expect((await store.counts("s")).total).toBe(1);
    const second = await runStudy({ store, study: "s", plan, trials, providers: new Map([["policy:faithful", provider]]), concurrency: 4 });
    expect(second).toMatchObject({ ran: trials.length - 1, finished: true });
  });
});
