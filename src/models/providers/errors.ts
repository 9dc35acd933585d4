import { APICallError } from "ai";
import { parseRetryAfterMs } from "../reliability/backoff.js";
import type { CallFailure } from "../reliability/failure.js";
import { redactSecrets } from "../reliability/redact.js";

const BAD_RESPONSE_ERRORS = new Set([
  "AI_JSONParseError",
  "AI_TypeValidationError",
  "AI_InvalidResponseDataError",
  "AI_EmptyResponseBodyError",
  "AI_NoContentGeneratedError",
]);

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Sorts a failed SDK call: 429 (with its Retry-After), 408/409/5xx, dropped connections and
 * unreadable or truncated answers are retried; other 4xx (bad key, unknown model, bad request) are
 * not. Messages are redacted of every secret.
 */
export function classifySdkError(error: unknown, provider: string, secrets: readonly string[], nowMs: number = Date.now()): CallFailure {
  const say = (text: string) => redactSecrets(`${provider}: ${text}`, secrets);
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined) return { kind: "retry", reason: "network", message: say(describe(error)), retryAfterMs: null };
    const text = say(`HTTP ${status}: ${error.message}`);
    if (status === 429) return { kind: "retry", reason: "rate-limit", message: text, retryAfterMs: parseRetryAfterMs(error.responseHeaders, nowMs) };
    if (status >= 200 && status < 300) return { kind: "retry", reason: "bad-response", message: say(`unreadable response: ${error.message}`), retryAfterMs: null };
    if (status === 408 || status === 409 || status >= 500 || error.isRetryable) {
      return { kind: "retry", reason: "server", message: text, retryAfterMs: parseRetryAfterMs(error.responseHeaders, nowMs) };
    }
    const hint = status === 401 || status === 403 ? " (check the API key in the environment)" : "";
    return { kind: "fatal", message: text + hint };
  }
  if (error instanceof Error && BAD_RESPONSE_ERRORS.has(error.name)) {
    return { kind: "retry", reason: "bad-response", message: say(`unreadable response: ${error.message}`), retryAfterMs: null };
  }
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return { kind: "retry", reason: "timeout", message: say(describe(error)), retryAfterMs: null };
  }
  if (error instanceof TypeError || (error instanceof Error && "code" in error)) {
    return { kind: "retry", reason: "network", message: say(describe(error)), retryAfterMs: null };
  }
  return { kind: "fatal", message: say(describe(error)) };
}
