import { z } from "zod";

export const POLICY_NAMES = ["faithful", "refuse", "preserve", "fake-align", "sloppy"] as const;
export const PolicyNameSchema = z.enum(POLICY_NAMES);
export type PolicyName = z.infer<typeof PolicyNameSchema>;

export type ModelSpec =
  | { provider: "openai" | "anthropic" | "google"; model: string }
  | { provider: "openai-compatible"; model: string; baseUrl: string }
  | { provider: "local"; path: string }
  | { provider: "local-hf"; repo: string; file: string }
  | { provider: "script"; path: string }
  | { provider: "policy"; name: PolicyName; p: number; seed: number }
  | { provider: "replay"; trialId: string };

export class ModelSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelSpecError";
  }
}

const VALID_FORMS =
  "valid forms: openai:<model>, anthropic:<model>, google:<model>, openai-compatible:<model>@<base-url>, " +
  "local:<path.gguf>, local:hf:<repo>/<file>, script:<file.yaml>, policy:<name>[?p=0.3&seed=1], replay:<trial-id>";

/** Parses a model spec string; throws ModelSpecError naming what is wrong and what would be valid. */
export function parseModelSpec(spec: string): ModelSpec {
  const colon = spec.indexOf(":");
  if (colon <= 0) throw new ModelSpecError(`model spec "${spec}" has no provider prefix; ${VALID_FORMS}`);
  const provider = spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  if (rest.length === 0) throw new ModelSpecError(`model spec "${spec}" names no model after "${provider}:"; ${VALID_FORMS}`);
  switch (provider) {
    case "openai":
    case "anthropic":
    case "google":
      return { provider, model: rest };
    case "openai-compatible": {
      const at = rest.lastIndexOf("@");
      const model = at > 0 ? rest.slice(0, at) : "";
      const baseUrl = at > 0 ? rest.slice(at + 1) : "";
      if (!model || !/^https?:\/\/\S+$/.test(baseUrl)) {
        throw new ModelSpecError(`model spec "${spec}" must be openai-compatible:<model>@<base-url> with an http(s) base URL`);
      }
      return { provider, model, baseUrl };
    }
    case "local": {
      if (rest.startsWith("hf:")) {
        const path = rest.slice(3);
        const slash = path.lastIndexOf("/");
        if (slash <= 0 || slash === path.length - 1) throw new ModelSpecError(`model spec "${spec}" must be local:hf:<owner>/<repo>/<file.gguf>`);
        return { provider: "local-hf", repo: path.slice(0, slash), file: path.slice(slash + 1) };
      }
      if (!rest.endsWith(".gguf")) throw new ModelSpecError(`model spec "${spec}": a local model is a .gguf file path, e.g. local:./models/model.gguf`);
      return { provider: "local", path: rest };
    }
    case "script":
      return { provider: "script", path: rest };
    case "policy":
      return parsePolicy(spec, rest);
    case "replay":
      return { provider: "replay", trialId: rest };
    default:
      throw new ModelSpecError(`unknown model provider "${provider}" in "${spec}"; ${VALID_FORMS}`);
  }
}

function parsePolicy(spec: string, rest: string): ModelSpec {
  const [name, query = ""] = rest.split("?", 2) as [string, string?];
  const parsedName = PolicyNameSchema.safeParse(name);
  if (!parsedName.success) {
    throw new ModelSpecError(`unknown policy "${name}" in "${spec}"; valid policies: ${POLICY_NAMES.join(", ")}`);
  }
  const params = new URLSearchParams(query);
  for (const key of params.keys()) {
    if (key !== "p" && key !== "seed") throw new ModelSpecError(`unknown policy parameter "${key}" in "${spec}"; valid: p (0..1), seed (integer)`);
  }
  const pText = params.get("p");
  const seedText = params.get("seed");
  const p = pText === null ? 1 : Number(pText);
  const seed = seedText === null ? 0 : Number(seedText);
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new ModelSpecError(`policy parameter p in "${spec}" must be a number from 0 to 1`);
  if (!Number.isInteger(seed)) throw new ModelSpecError(`policy parameter seed in "${spec}" must be an integer`);
  return { provider: "policy", name: parsedName.data, p, seed };
}

const FAMILY_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/gpt|chatgpt|\bo[134]\b|o[134]-/i, "ChatGPT"],
  [/claude/i, "Claude"],
  [/gemini/i, "Gemini"],
  [/deepseek/i, "DeepSeek"],
  [/kimi|moonshot/i, "Kimi"],
  [/glm|zhipu/i, "GLM"],
  [/qwen/i, "Qwen"],
  [/llama/i, "Llama"],
];

/** The display family for a model ("Gemini" Agent 1); anything unrecognised, and script/policy models, are "Atlas". */
export function familyOf(spec: ModelSpec): string {
  const name =
    spec.provider === "openai" || spec.provider === "anthropic" || spec.provider === "google" || spec.provider === "openai-compatible"
      ? spec.model
      : spec.provider === "local"
        ? spec.path.split("/").pop() ?? ""
        : spec.provider === "local-hf"
          ? `${spec.repo}/${spec.file}`
          : "";
  for (const [pattern, family] of FAMILY_PATTERNS) if (pattern.test(name)) return family;
  return "Atlas";
}

/** `{family}_agent_{n}` in lower case. */
export function agentId(family: string, n: 1 | 2): string {
  return `${family.toLowerCase()}_agent_${n}`;
}
