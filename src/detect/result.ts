import type { EvidenceItem } from "./labels.js";

/** What one detector decided: the label's value (null when it does not apply) and why. */
export interface LabelResult<T> {
  value: T | null;
  evidence: EvidenceItem[];
}

export function notApplicable<T>(): LabelResult<T> {
  return { value: null, evidence: [] };
}

export function item(text: string, step: number | null = null): EvidenceItem {
  return { text, step };
}
