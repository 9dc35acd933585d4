import { existsSync } from "node:fs";
import type { ResponseCache } from "../cache/response-cache.js";
import { LocalBackend } from "../local/local-backend.js";
import { resolveHfModel } from "../local/hf.js";
import { sharedModel } from "../local/loaded-model.js";
import type { ModelBackend } from "../reliability/backend.js";
import type { ProviderEventListener } from "../reliability/events.js";
import { sharedGate, type GateClock, type ProviderGate } from "../reliability/gate.js";
import { reliableProvider } from "../reliability/reliable-provider.js";
import { ModelSpecError, type ModelSpec } from "../spec.js";
import type { ModelProvider } from "../types.js";
import { HostedBackend, specString } from "./hosted.js";
import { apiKeyFor } from "./keys.js";
import { ProviderSettingsSchema, type ProviderSettingsInput } from "./options.js";
import type { BaseUrlOverrides } from "./sdk-model.js";

export type RemoteModelSpec = Extract<ModelSpec, { provider: "openai" | "anthropic" | "google" | "openai-compatible" | "local" | "local-hf" }>;

export interface RemoteProviderOptions {
  /** Environment to read API keys from (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
  /** Output limit, reasoning, timeouts, concurrency, local threads and context (see ProviderSettingsSchema). */
  settings?: ProviderSettingsInput;
  /** Replace the public endpoints of openai/anthropic/google (gateways, proxies). */
  baseUrls?: BaseUrlOverrides;
  /** Response cache shared by the study's models; none means every call goes out. */
  cache?: ResponseCache;
  /** Receives calls (with usage), retries and malformed tool calls: wire it to cost and progress. */
  onEvent?: ProviderEventListener;
  /** Admission gate; by default one per endpoint per process. */
  gate?: ProviderGate;
  /** Time source for back-off waits (tests). */
  clock?: GateClock;
  /** Where `local:hf:` models are downloaded to, and how long to wait for huggingface.co to answer. */
  hf?: { directory?: string; connectTimeoutMs?: number };
}

async function backendFor(spec: RemoteModelSpec, options: RemoteProviderOptions, settings: ReturnType<typeof ProviderSettingsSchema.parse>): Promise<ModelBackend> {
  switch (spec.provider) {
    case "local":
    case "local-hf": {
      const path = spec.provider === "local" ? spec.path : await resolveHfModel(spec.repo, spec.file, options.hf ?? {});
      if (!existsSync(path)) throw new ModelSpecError(`model file ${path} does not exist (local:<path.gguf> takes a path to a GGUF file)`);
      const loaded = await sharedModel(path, settings.local);
      return new LocalBackend(loaded, settings.local, settings.maxOutputTokens);
    }
    default:
      return new HostedBackend(spec, apiKeyFor(spec, options.env ?? process.env), settings, options.baseUrls ?? {}, (message) =>
        options.onEvent?.({ type: "warning", spec: specString(spec), message }),
      );
  }
}

/**
 * A provider for a hosted or local model, with the reliability layer around it: response cache,
 * per-endpoint concurrency gate adaptive to 429s, retries with back-off, events for cost and progress.
 * Throws MissingApiKeyError (no key), ModelSpecError (no model file) or ModelDownloadError before any trial runs.
 */
export async function createRemoteProvider(spec: RemoteModelSpec, options: RemoteProviderOptions = {}): Promise<ModelProvider> {
  const settings = ProviderSettingsSchema.parse(options.settings ?? {});
  const backend = await backendFor(spec, options, settings);
  const local = backend instanceof LocalBackend;
  const gate = options.gate ?? (local ? backend.loaded.gate : sharedGate(backend.endpoint, settings.concurrency));
  return reliableProvider(backend, {
    gate,
    // A local model fails the same way twice; one attempt is enough.
    policy: local ? { ...settings.backoff, maxAttempts: 1 } : settings.backoff,
    attemptTimeoutMs: settings.requestTimeoutMs,
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

export { checkApiKeys, MissingApiKeyError } from "./keys.js";
export { ProviderSettingsSchema, LocalModelOptionsSchema, ReasoningEffortSchema } from "./options.js";
export type { ProviderSettings, ProviderSettingsInput, LocalModelOptions, ReasoningEffort } from "./options.js";
export type { BaseUrlOverrides } from "./sdk-model.js";
export { ModelCallError } from "../reliability/failure.js";
export { ModelDownloadError } from "../local/hf.js";
