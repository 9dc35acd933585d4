import { createHash } from "node:crypto";

/**
 * Text written by the model under test reaches the judge only as quoted data: a JSON document
 * between two delimiter lines that carry a tag derived from the document's own hash. The text
 * cannot close the quote (JSON escapes its quotes and newlines) and cannot forge the delimiter
 * (it would have to contain the hash of a document that contains it).
 */
export interface QuotedMaterial {
  tag: string;
  /** The block to place in the prompt. */
  block: string;
}

export function quoteMaterial(material: Record<string, unknown>): QuotedMaterial {
  const json = JSON.stringify(material, null, 1);
  const tag = `MATERIAL-${createHash("sha256").update(json).digest("hex").slice(0, 24)}`;
  return { tag, block: `<<<${tag}\n${json}\n${tag}>>>` };
}

/** Reads the material back out of a prompt (what a judge, or a test, sees between the delimiters). */
export function unquoteMaterial(prompt: string): { tag: string; material: unknown } | null {
  const match = /<<<(MATERIAL-[0-9a-f]{24})\n([\s\S]*)\n\1>>>/.exec(prompt);
  if (!match?.[1] || match[2] === undefined) return null;
  return { tag: match[1], material: JSON.parse(match[2]) as unknown };
}
