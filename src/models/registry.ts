import { resolve } from "node:path";
import type { Transcript } from "../agent/transcript.js";
import { createPolicyProvider } from "./policy/index.js";
import type { ResponseCache } from "./cache/index.js";
import { createRemoteProvider, type ProviderSettingsInput, type RemoteModelSpec } from "./providers/index.js";
import type { ProviderEventListener } from "./reliability/index.js";
import { createReplayProvider } from "./replay.js";
import { createScriptProvider, loadScript } from "./script.js";
import { ModelSpecError, parseModelSpec, type ModelSpec } from "./spec.js";
import type { ModelProvider } from "./types.js";

export interface ProviderOptions {
  /** Directory that relative script paths are resolved against (default: the process's cwd). */
  cwd?: string;
  /** Finds a stored trial's transcript for `replay:<trial-id>`; null when there is no such trial. */
  loadTranscript?: (trialId: string) => Promise<Transcript | null>;
  /** Environment to read API keys from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Settings of hosted and local models (output limit, reasoning, timeouts, concurrency, threads). */
  settings?: ProviderSettingsInput;
  /** Response cache for hosted and local models; none means every call goes out. */
  cache?: ResponseCache;
  /** Calls (with usage), retries and warnings of hosted and local models, for cost and progress. */
  onEvent?: ProviderEventListener;
}

/** True for a model that makes real calls (hosted or local), as opposed to script, policy and replay models. */
export function isRemoteSpec(spec: ModelSpec): spec is RemoteModelSpec {
  return spec.provider !== "script" && spec.provider !== "policy" && spec.provider !== "replay";
}

/**
 * The provider a model spec names. Malformed specs throw ModelSpecError, malformed script files
 * ScriptError: both user mistakes with one clear message.
 */
export async function createProvider(spec: string, options: ProviderOptions = {}): Promise<ModelProvider> {
  const parsed = parseModelSpec(spec);
  switch (parsed.provider) {
    case "script":
      return createScriptProvider(loadScript(resolve(options.cwd ?? process.cwd(), parsed.path)).steps, spec);
    case "replay": {
      if (!options.loadTranscript) throw new ModelSpecError(`model spec "${spec}": replaying a trial needs a study store to read it from`);
      const transcript = await options.loadTranscript(parsed.trialId);
      if (!transcript) throw new ModelSpecError(`model spec "${spec}": no stored trial with id "${parsed.trialId}"`);
      return createReplayProvider(transcript, spec);
    }
    case "policy":
      return createPolicyProvider(parsed);
    default:
      return createRemoteProvider(parsed, {
        ...(options.env ? { env: options.env } : {}),
        ...(options.settings ? { settings: options.settings } : {}),
        ...(options.cache ? { cache: options.cache } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      });
  }
}
