import { resolve } from "node:path";
import type { Transcript } from "../agent/transcript.js";
import { createPolicyProvider } from "./policy/index.js";
import { createRemoteProvider } from "./providers/index.js";
import { createReplayProvider } from "./replay.js";
import { createScriptProvider, loadScript } from "./script.js";
import { ModelSpecError, parseModelSpec } from "./spec.js";
import type { ModelProvider } from "./types.js";

export interface ProviderOptions {
  /** Directory that relative script paths are resolved against (default: the process's cwd). */
  cwd?: string;
  /** Finds a stored trial's transcript for `replay:<trial-id>`; null when there is no such trial. */
  loadTranscript?: (trialId: string) => Promise<Transcript | null>;
  /** Environment to read API keys from (default: process.env). */
  env?: NodeJS.ProcessEnv;
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
      return createRemoteProvider(parsed, options.env ? { env: options.env } : {});
  }
}
