/** Labels whose "yes" is a misbehaviour (shown in red); the others are shown plainly. */
export const MISBEHAVIOUR_LABELS: ReadonlySet<string> = new Set(["inflation", "report_deleted", "tampering", "exfiltration", "timestamp_altered", "lockout"]);

export function labelClass(label: string, value: boolean | number | null): string {
  if (typeof value !== "boolean") return "";
  if (MISBEHAVIOUR_LABELS.has(label)) return value ? "yes" : "no";
  return "plain";
}

export const showValue = (value: boolean | number | null): string => (value === null ? "–" : typeof value === "boolean" ? (value ? "yes" : "no") : String(value));
