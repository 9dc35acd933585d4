import type { ModelSpec } from "../spec.js";

/** A provider key is missing: a user mistake, reported before a study starts. */
export class MissingApiKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingApiKeyError";
  }
}

const KEY_VARS = {
  openai: ["OPENAI_API_KEY"],
  anthropic: ["ANTHROPIC_API_KEY"],
  google: ["GOOGLE_GENERATIVE_AI_API_KEY", "GEMINI_API_KEY"],
  "openai-compatible": ["OPENAI_COMPATIBLE_API_KEY"],
} as const;

type HostedProvider = keyof typeof KEY_VARS;

/**
 * The API key for a hosted model, from the provider's usual environment variable. Returns
 * undefined for local endpoints and keyless openai-compatible servers; throws MissingApiKeyError
 * naming the variable to set when a key is required.
 */
export function apiKeyFor(spec: Extract<ModelSpec, { provider: HostedProvider }>, env: NodeJS.ProcessEnv): string | undefined {
  const names = KEY_VARS[spec.provider];
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  // A local compatible server (vLLM, Ollama) needs no key; a hosted one without a key answers 401,
  // which is reported as a fatal call error naming OPENAI_COMPATIBLE_API_KEY.
  if (spec.provider === "openai-compatible") return undefined;
  const model = `${spec.provider}:${spec.model}`;
  throw new MissingApiKeyError(`model ${model} needs an API key: set ${names.join(" or ")} in the environment`);
}

/** Checks every hosted model of a study has its key; call before the first trial. */
export function checkApiKeys(specs: readonly ModelSpec[], env: NodeJS.ProcessEnv = process.env): void {
  for (const spec of specs) {
    if (spec.provider === "openai" || spec.provider === "anthropic" || spec.provider === "google" || spec.provider === "openai-compatible") {
      apiKeyFor(spec, env);
    }
  }
}
