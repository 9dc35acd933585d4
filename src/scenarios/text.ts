import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { z } from "zod";

/** The data files beside this module (the build copies them into dist/ too). */
const DATA_DIR = fileURLToPath(new URL("./data/", import.meta.url));

const cache = new Map<string, unknown>();

/** Reads a YAML data file beside the scenario modules, validates it once, and caches the result. */
export function loadData<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const cached = cache.get(file);
  if (cached !== undefined) return cached as z.infer<S>;
  const raw: unknown = parse(readFileSync(join(DATA_DIR, file), "utf8"));
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    throw new Error(`scenario data file ${file} is malformed: ${issues}`);
  }
  cache.set(file, result.data);
  return result.data;
}

export type TemplateVars = Readonly<Record<string, string | number>>;

/** Replaces `{{name}}` placeholders; a placeholder without a value is a bug in the data, so it throws. */
export function fill(template: string, vars: TemplateVars): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`no value for template placeholder {{${name}}}`);
    return String(value);
  });
}
