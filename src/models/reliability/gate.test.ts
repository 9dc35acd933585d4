import { describe, expect, it } from "vitest";
import { ProviderGate, type GateClock } from "./gate.js";

function fakeClock(): GateClock & { t: number; slept: number[] } {
  const clock = {
    t: 0,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

describe("ProviderGate", () => {
  it("never runs more than its concurrency at once", async () => {
    const gate = new ProviderGate(3);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        gate.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it("pauses every caller for a rate limit's Retry-After and halves its concurrency, then wins slots back", async () => {
    const clock = fakeClock();
    const gate = new ProviderGate(8, clock);
    gate.rateLimited(2_000);
    expect(gate.concurrency).toBe(4);
    await gate.run(async () => {});
    expect(clock.slept).toEqual([2_000]);
    gate.rateLimited(10);
    expect(gate.concurrency).toBe(2);
    for (let i = 0; i < 8; i++) gate.succeeded();
    expect(gate.concurrency).toBe(3);
    for (let i = 0; i < 100; i++) gate.succeeded();
    expect(gate.concurrency).toBe(8);
  });

  it("lets an aborted caller leave the queue", async () => {
    const gate = new ProviderGate(1, fakeClock());
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(gate.run(async () => 1, controller.signal)).rejects.toThrow("stop");
  });
});
