import { describe, expect, it } from "vitest";
import { RetryableModelError } from "../types.js";
import { BackoffPolicySchema } from "./backoff.js";
import { ModelCallError, type CallFailure } from "./failure.js";
import { ProviderGate, type GateClock } from "./gate.js";
import { callWithRetries, type RetryEvent } from "./retry.js";

let fakeNow = 0;
const clock: GateClock = {
  now: () => fakeNow,
  sleep: async (ms) => {
    fakeNow += ms;
  },
};
const policy = BackoffPolicySchema.parse({ maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 });

function failing(failures: CallFailure[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    call: async () => {
      const failure = failures[calls++];
      if (failure) throw failure;
      return "answer";
    },
  };
}

const options = (events: RetryEvent[]) => ({
  policy,
  gate: new ProviderGate(2, clock),
  attemptTimeoutMs: 1_000,
  classify: (error: unknown) => error as CallFailure,
  jitterKey: "t1",
  clock,
  onRetry: (event: RetryEvent) => events.push(event),
});

describe("callWithRetries", () => {
  it("retries retryable failures and reports each retry with its wait", async () => {
    const events: RetryEvent[] = [];
    const server = failing([
      { kind: "retry", reason: "rate-limit", message: "429", retryAfterMs: 1_500 },
      { kind: "retry", reason: "server", message: "502", retryAfterMs: null },
    ]);
    await expect(callWithRetries(server.call, options(events))).resolves.toBe("answer");
    expect(server.calls).toBe(3);
    expect(events.map((e) => [e.reason, e.attempt])).toEqual([["rate-limit", 1], ["server", 2]]);
    expect(events[0]!.delayMs).toBe(1_500);
    expect(events[1]!.delayMs).toBeGreaterThanOrEqual(100);
  });

  it("stops at once on a fatal failure", async () => {
    const server = failing([{ kind: "fatal", message: "HTTP 400: unknown model" }]);
    await expect(callWithRetries(server.call, options([]))).rejects.toThrow(ModelCallError);
    expect(server.calls).toBe(1);
  });

  it("gives up after the policy's attempts with RetryableModelError", async () => {
    const server = failing(Array.from({ length: 9 }, () => ({ kind: "retry" as const, reason: "network" as const, message: "socket hang up", retryAfterMs: null })));
    await expect(callWithRetries(server.call, options([]))).rejects.toThrow(RetryableModelError);
    expect(server.calls).toBe(4);
  });

  it("counts a slow attempt as a timeout and tries again", async () => {
    let calls = 0;
    const events: RetryEvent[] = [];
    const result = await callWithRetries(
      (signal) =>
        new Promise<string>((resolve, reject) => {
          calls += 1;
          if (calls > 1) return resolve("late answer");
          signal.addEventListener("abort", () => reject(signal.reason));
        }),
      { ...options(events), attemptTimeoutMs: 20 },
    );
    expect(result).toBe("late answer");
    expect(events[0]!.reason).toBe("timeout");
  });
});
