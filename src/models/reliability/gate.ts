import pLimit, { type LimitFunction } from "p-limit";
import { setTimeout as sleep } from "node:timers/promises";

export interface GateClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: GateClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : undefined),
};

/**
 * Admission to one provider endpoint: at most `maxConcurrency` calls in flight, and adaptive on
 * rate limits. A 429 pauses every caller until its Retry-After has passed and halves the
 * concurrency; each run of `maxConcurrency` successes wins one slot back (AIMD, as TCP does).
 */
export class ProviderGate {
  private readonly limit: LimitFunction;
  private pausedUntil = 0;
  private successesSinceCut = 0;

  constructor(
    readonly maxConcurrency: number,
    private readonly clock: GateClock = realClock,
  ) {
    this.limit = pLimit(Math.max(1, maxConcurrency));
  }

  get concurrency(): number {
    return this.limit.concurrency;
  }

  get inFlight(): number {
    return this.limit.activeCount;
  }

  get queued(): number {
    return this.limit.pendingCount;
  }

  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.limit(async () => {
      for (;;) {
        signal?.throwIfAborted();
        const wait = this.pausedUntil - this.clock.now();
        if (wait <= 0) break;
        await this.clock.sleep(wait, signal);
      }
      return fn();
    });
  }

  rateLimited(retryAfterMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + retryAfterMs);
    this.successesSinceCut = 0;
    this.limit.concurrency = Math.max(1, Math.floor(this.limit.concurrency / 2));
  }

  succeeded(): void {
    if (this.limit.concurrency >= this.maxConcurrency) return;
    this.successesSinceCut += 1;
    if (this.successesSinceCut >= this.maxConcurrency) {
      this.successesSinceCut = 0;
      this.limit.concurrency = Math.min(this.maxConcurrency, this.limit.concurrency + 1);
    }
  }
}

const shared = new Map<string, ProviderGate>();

/** One gate per endpoint (provider + base URL) per process, so several models on one API key share its limits. */
export function sharedGate(endpoint: string, maxConcurrency: number): ProviderGate {
  let gate = shared.get(endpoint);
  if (!gate) {
    gate = new ProviderGate(maxConcurrency);
    shared.set(endpoint, gate);
  }
  return gate;
}
