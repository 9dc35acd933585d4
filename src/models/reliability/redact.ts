/** Environment variables that hold provider secrets. */
export const SECRET_ENV_VARS = [
  "OPENAI_API_KEY",
  "ANTHROPIC_API_KEY",
  "GOOGLE_GENERATIVE_AI_API_KEY",
  "GEMINI_API_KEY",
  "OPENAI_COMPATIBLE_API_KEY",
] as const;

// Shapes of keys and credentials as providers issue them, for text we did not produce ourselves.
const KEY_PATTERNS: RegExp[] = [
  /\bsk-[A-Za-z0-9_\-*]{8,}/g,
  /\bAIza[0-9A-Za-z_\-]{20,}/g,
  /\b(Bearer|x-api-key:?|x-goog-api-key:?)\s+[A-Za-z0-9._\-*]{8,}/gi,
  /([?&]key=)[^&\s"']+/g,
];

/**
 * Removes secrets from text that may reach logs, the store or the user: every known secret value
 * (and any long fragment of one a server may echo), and anything shaped like a provider key.
 */
export function redactSecrets(text: string, secrets: Iterable<string> = secretsFromEnv(process.env)): string {
  let out = text;
  for (const pattern of KEY_PATTERNS) {
    out = out.replace(pattern, (match, prefix: unknown) =>
      typeof prefix === "string" && match.startsWith(prefix) ? `${prefix}[redacted]` : "[redacted]",
    );
  }
  for (const secret of secrets) {
    if (secret.length < 8) continue;
    out = out.split(secret).join("[redacted]");
    // Servers echo keys partly masked ("sk-abc...xyz"): hide any 8-character run of the key too.
    for (let i = 0; i + 8 <= secret.length; i += 1) out = out.split(secret.slice(i, i + 8)).join("[redacted]");
  }
  return out;
}

export function secretsFromEnv(env: NodeJS.ProcessEnv): string[] {
  return SECRET_ENV_VARS.map((name) => env[name]).filter((value): value is string => typeof value === "string" && value.length > 0);
}
