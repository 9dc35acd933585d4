import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import type { Usage } from "../types.js";

const PriceSchema = z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() });

export const PriceTableSchema = z.object({
  currency: z.literal("USD").default("USD"),
  /** Tokens the prices are quoted for. */
  per: z.number().positive().default(1_000_000),
  models: z.record(z.string(), PriceSchema),
});
export type PriceTable = z.infer<typeof PriceTableSchema>;

/** The example table shipped beside this module (the build copies it into dist/ too). */
export const DEFAULT_PRICES_FILE = fileURLToPath(new URL("./prices.yaml", import.meta.url));

/** A price file that cannot be used: a user mistake naming the file and what is wrong. */
export class PriceTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PriceTableError";
  }
}

/** Reads a price table (YAML or JSON); without a file, the example table shipped with peerguard. */
export function loadPriceTable(file: string = DEFAULT_PRICES_FILE): PriceTable {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new PriceTableError(`price file ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = PriceTableSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PriceTableError(
      `price file ${file}: ${issue ? `${issue.path.join(".") || "(top level)"}: ${issue.message}` : "invalid"}; ` +
        `expected models: { "<model spec or prefix*>": { input: <USD>, output: <USD> } } per 1M tokens`,
    );
  }
  return parsed.data;
}

/** The price of a model spec: an exact key, else the longest matching `prefix*` key; null when unlisted. */
export function priceFor(table: PriceTable, spec: string): z.infer<typeof PriceSchema> | null {
  const exact = table.models[spec];
  if (exact) return exact;
  let best: { length: number; price: z.infer<typeof PriceSchema> } | null = null;
  for (const [key, price] of Object.entries(table.models)) {
    if (!key.endsWith("*")) continue;
    const prefix = key.slice(0, -1);
    if (spec.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, price };
  }
  return best?.price ?? null;
}

/** Cost in USD of some usage; reasoning tokens are part of output tokens. Null when the model has no price. */
export function costOf(table: PriceTable, spec: string, usage: Pick<Usage, "inputTokens" | "outputTokens">): number | null {
  const price = priceFor(table, spec);
  if (!price) return null;
  return (usage.inputTokens * price.input + usage.outputTokens * price.output) / table.per;
}
