/** How a failed model call should be handled. */
export type CallFailure =
  | { kind: "retry"; reason: RetryReason; message: string; retryAfterMs: number | null }
  | { kind: "fatal"; message: string };

export type RetryReason = "rate-limit" | "server" | "timeout" | "network" | "bad-response";

/** A model call that cannot succeed by retrying (bad key, bad request, unknown model). */
export class ModelCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelCallError";
  }
}
