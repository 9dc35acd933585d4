import { RetryableModelError } from "../types.js";
import { backoffDelayMs, type BackoffPolicy } from "./backoff.js";
import { ModelCallError, type CallFailure, type RetryReason } from "./failure.js";
import { realClock, type GateClock, type ProviderGate } from "./gate.js";

/**
 * One attempt's signal: the caller's signal plus a time limit, with its timer cleared as soon as
 * the attempt ends (AbortSignal.timeout would keep one timer per call alive for the whole limit).
 */
class AttemptSignal {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private readonly onParent = () => this.controller.abort(this.parent?.reason);
  timedOut = false;

  constructor(
    private readonly limitMs: number,
    private readonly parent: AbortSignal | undefined,
  ) {}

  start(): AbortSignal {
    this.parent?.addEventListener("abort", this.onParent, { once: true });
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new DOMException(`request timed out after ${this.limitMs} ms`, "TimeoutError"));
    }, this.limitMs);
    return this.controller.signal;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.parent?.removeEventListener("abort", this.onParent);
  }
}

export interface RetryEvent {
  attempt: number;
  reason: RetryReason;
  delayMs: number;
  message: string;
}

export interface RetryOptions {
  policy: BackoffPolicy;
  gate: ProviderGate;
  /** Limit for one attempt; a slower answer counts as a timeout and is retried. */
  attemptTimeoutMs: number;
  classify(error: unknown): CallFailure;
  /** Spreads retries of different trials apart, deterministically. */
  jitterKey: string;
  signal?: AbortSignal;
  onRetry?(event: RetryEvent): void;
  clock?: GateClock;
}

/**
 * Runs one model call through the provider's gate, retrying rate limits (after Retry-After),
 * server errors, timeouts, dropped connections and unreadable responses with capped exponential
 * back-off. Gives up with RetryableModelError after the policy's attempts, or ModelCallError at once
 * on a failure retrying cannot fix. An abort of `signal` ends it with the abort reason.
 */
export async function callWithRetries<T>(call: (signal: AbortSignal) => Promise<T>, options: RetryOptions): Promise<T> {
  const clock = options.clock ?? realClock;
  const { policy, gate } = options;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    const timeLimit = new AttemptSignal(options.attemptTimeoutMs, options.signal);
    let failure: CallFailure;
    try {
      // The clock starts when the call leaves the queue: waiting for a slot is not slowness.
      const result = await gate.run(() => call(timeLimit.start()), options.signal);
      gate.succeeded();
      return result;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      failure = timeLimit.timedOut
        ? { kind: "retry", reason: "timeout", message: `request timed out after ${options.attemptTimeoutMs} ms`, retryAfterMs: null }
        : options.classify(error);
    } finally {
      timeLimit.dispose();
    }
    if (failure.kind === "fatal") throw new ModelCallError(failure.message);
    const retryAfter = failure.retryAfterMs === null ? null : Math.min(failure.retryAfterMs, policy.maxRetryAfterMs);
    if (failure.reason === "rate-limit") gate.rateLimited(retryAfter ?? backoffDelayMs(attempt, policy, options.jitterKey));
    if (attempt >= policy.maxAttempts) {
      throw new RetryableModelError(`${failure.message} (gave up after ${attempt} attempts)`, retryAfter);
    }
    const delayMs = retryAfter ?? backoffDelayMs(attempt, policy, options.jitterKey);
    options.onRetry?.({ attempt, reason: failure.reason, delayMs, message: failure.message });
    // A rate limit already paused the gate; other failures wait here.
    if (failure.reason !== "rate-limit") await clock.sleep(delayMs, options.signal);
  }
}
