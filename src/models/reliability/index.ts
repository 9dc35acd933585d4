export { BackoffPolicySchema, backoffDelayMs, parseRetryAfterMs, type BackoffPolicy } from "./backoff.js";
export type { BackendTurn, MalformedToolCall, ModelBackend } from "./backend.js";
export { ProviderStats, type ProviderEvent, type ProviderEventListener } from "./events.js";
export { ModelCallError, type CallFailure, type RetryReason } from "./failure.js";
export { ProviderGate, sharedGate, type GateClock } from "./gate.js";
export { SECRET_ENV_VARS, redactSecrets, secretsFromEnv } from "./redact.js";
export { reliableProvider, type ReliabilityOptions } from "./reliable-provider.js";
export { callWithRetries, type RetryEvent, type RetryOptions } from "./retry.js";
export { TrialTimeLimitError, trialSignal, type TrialSignal } from "./time-limit.js";
