// Placeholder replaced by the hosted and local providers.
import type { ModelSpec } from "../spec.js";
import type { ModelProvider } from "../types.js";

export type RemoteModelSpec = Extract<ModelSpec, { provider: "openai" | "anthropic" | "google" | "openai-compatible" | "local" | "local-hf" }>;

export interface RemoteProviderOptions {
  /** Environment to read API keys from (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
}

export async function createRemoteProvider(spec: RemoteModelSpec, _options: RemoteProviderOptions = {}): Promise<ModelProvider> {
  throw new Error(`provider ${spec.provider} is not built yet`);
}
