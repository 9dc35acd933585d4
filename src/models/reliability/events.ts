import type { Usage } from "../types.js";
import type { RetryReason } from "./failure.js";

/** What a provider reports as it works, for progress, cost and study statistics. */
export type ProviderEvent =
  | { type: "call"; spec: string; usage: Usage; cached: boolean }
  | { type: "retry"; spec: string; attempt: number; reason: RetryReason; delayMs: number; message: string }
  | { type: "malformed-tool-call"; spec: string; toolName: string; detail: string }
  /** A setting the model does not support and ignored (reported once per model and message). */
  | { type: "warning"; spec: string; message: string };

export type ProviderEventListener = (event: ProviderEvent) => void;

/** Running totals over provider events: what the progress display and the study summary show. */
export class ProviderStats {
  calls = 0;
  cachedCalls = 0;
  retries = 0;
  rateLimited = 0;
  malformedToolCalls = 0;
  readonly tokens = { input: 0, output: 0, reasoning: 0 };
  /** Tokens actually paid for (cache hits excluded). */
  readonly billedTokens = { input: 0, output: 0, reasoning: 0 };

  readonly listener: ProviderEventListener = (event) => this.add(event);

  add(event: ProviderEvent): void {
    switch (event.type) {
      case "call":
        this.calls += 1;
        this.tokens.input += event.usage.inputTokens;
        this.tokens.output += event.usage.outputTokens;
        this.tokens.reasoning += event.usage.reasoningTokens;
        if (event.cached) {
          this.cachedCalls += 1;
        } else {
          this.billedTokens.input += event.usage.inputTokens;
          this.billedTokens.output += event.usage.outputTokens;
          this.billedTokens.reasoning += event.usage.reasoningTokens;
        }
        break;
      case "retry":
        this.retries += 1;
        if (event.reason === "rate-limit") this.rateLimited += 1;
        break;
      case "malformed-tool-call":
        this.malformedToolCalls += 1;
        break;
      case "warning":
        break;
    }
  }
}
