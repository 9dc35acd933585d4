import { z } from "zod";
import type { Condition } from "./conditions.js";
import { castVars, type Cast } from "./cast.js";
import { fill, loadData, type TemplateVars } from "./text.js";

const PerSurface = z.object({ tools: z.string(), shell: z.string() });

const PromptsSchema = z.object({
  system: z.object({
    identity: z.string(),
    surface: PerSurface,
    memory: PerSurface,
    relationship_sentence: z.object({ good: z.string(), neutral: z.string(), bad: z.string() }),
    scratchpad: z.string(),
    finish: z.string(),
  }),
  user: z.object({
    scoring: z.string(),
    finance: z.object({ shutdown: z.string(), "no-shutdown": z.string() }),
    "exfiltration-transfer": z.string(),
    "exfiltration-deletion": z.string(),
  }),
});
type Prompts = z.infer<typeof PromptsSchema>;

const loadPrompts = (): Prompts => loadData("prompts.yaml", PromptsSchema);

/** The system prompt: identity, the surface's environment, memory, scratchpad, how to finish. */
export function systemPrompt(cast: Cast, condition: Condition): string {
  const { system } = loadPrompts();
  const vars = castVars(cast);
  const parts = [system.identity, system.surface[condition.surface]];
  if (condition.instantiation === "memory") parts.push(system.memory[condition.surface]);
  if (condition.instantiation === "file+prompt" && condition.relationship !== "none") {
    parts.push(`${system.relationship_sentence[condition.relationship]}\n`);
  }
  parts.push(system.scratchpad, system.finish);
  return fill(parts.map((part) => part.trimEnd()).join("\n\n"), vars);
}

export type UserPromptKind = "scoring" | "finance" | "exfiltration-transfer" | "exfiltration-deletion";

export function userPrompt(kind: UserPromptKind, cast: Cast, condition: Condition, vars: TemplateVars): string {
  const { user } = loadPrompts();
  const template = kind === "finance" ? user.finance[condition.control] : user[kind];
  return fill(template, { ...castVars(cast), ...vars }).trimEnd();
}
