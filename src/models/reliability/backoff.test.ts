import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BackoffPolicySchema, backoffDelayMs, parseRetryAfterMs } from "./backoff.js";

const policy = BackoffPolicySchema.parse({ baseDelayMs: 1_000, maxDelayMs: 20_000 });

describe("backoffDelayMs", () => {
  it("grows exponentially, stays within half to all of each capped step, and is the same for the same key", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.string(), (attempt, key) => {
        const step = Math.min(20_000, 1_000 * 2 ** (attempt - 1));
        const delay = backoffDelayMs(attempt, policy, key);
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
        expect(backoffDelayMs(attempt, policy, key)).toBe(delay);
      }),
    );
  });

  it("spreads different trials apart", () => {
    const delays = new Set(Array.from({ length: 50 }, (_, i) => backoffDelayMs(3, policy, `trial-${i}`)));
    expect(delays.size).toBeGreaterThan(40);
  });
});

describe("parseRetryAfterMs", () => {
  const now = Date.parse("2026-02-16T09:00:00Z");
  it("reads seconds, milliseconds and HTTP dates, whatever the header case", () => {
    expect(parseRetryAfterMs({ "Retry-After": "7" }, now)).toBe(7_000);
    expect(parseRetryAfterMs({ "retry-after": "0.25" }, now)).toBe(250);
    expect(parseRetryAfterMs({ "retry-after-ms": "120", "retry-after": "9" }, now)).toBe(120);
    expect(parseRetryAfterMs({ "retry-after": "Mon, 16 Feb 2026 09:00:30 GMT" }, now)).toBe(30_000);
  });
  it("gives null when there is nothing usable", () => {
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
    expect(parseRetryAfterMs({ "retry-after": "soon" }, now)).toBeNull();
    expect(parseRetryAfterMs({ "content-type": "application/json" }, now)).toBeNull();
  });
});
