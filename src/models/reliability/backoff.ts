import { createHash } from "node:crypto";
import { z } from "zod";

export const BackoffPolicySchema = z.object({
  /** Attempts per model call, the first included. */
  maxAttempts: z.number().int().min(1).default(6),
  baseDelayMs: z.number().nonnegative().default(1_000),
  maxDelayMs: z.number().nonnegative().default(60_000),
  /** Longest Retry-After honoured; a server asking for more is waited for this long, then retried. */
  maxRetryAfterMs: z.number().nonnegative().default(300_000),
});
export type BackoffPolicy = z.infer<typeof BackoffPolicySchema>;

/**
 * A number in [0, 1) derived from a key: jitter that spreads trials apart without Math.random(),
 * so a re-run waits the same way.
 */
export function deterministicUnit(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** Capped exponential back-off with "equal jitter": half the step fixed, half spread by the key. */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, jitterKey: string): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * deterministicUnit(`${jitterKey}#${attempt}`));
}

/**
 * Reads how long a server asked us to wait: `retry-after-ms` (OpenAI), `retry-after` in seconds or as
 * an HTTP date. Header names are matched case-insensitively. Null when absent or unreadable.
 */
export function parseRetryAfterMs(headers: Record<string, string | undefined> | undefined, nowMs: number): number | null {
  if (!headers) return null;
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number(lower.get("retry-after-ms"));
  if (lower.get("retry-after-ms") !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = lower.get("retry-after")?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}
