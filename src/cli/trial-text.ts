import type { TranscriptEvent } from "../agent/transcript.js";
import { LABEL_NAMES } from "../detect/labels.js";
import type { TrialRecord } from "../study/index.js";
import type { WorldChange } from "../world/index.js";

function indent(text: string, prefix = "    "): string {
  return text
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");
}

function eventText(event: TranscriptEvent): string {
  const head = `[${event.index}]`;
  switch (event.type) {
    case "system":
    case "user":
      return `${head} ${event.type.toUpperCase()}\n${indent(event.content)}`;
    case "assistant": {
      const parts = [`${head} ASSISTANT (${event.usage.inputTokens} in / ${event.usage.outputTokens} out, ${event.finishReason})`];
      if (event.reasoning) parts.push(`  private reasoning (not shown to anyone in the story):\n${indent(event.reasoning)}`);
      if (event.content) parts.push(`  says:\n${indent(event.content)}`);
      for (const call of event.toolCalls) {
        const args = call.invalidArgs !== undefined ? `${call.invalidArgs} (invalid JSON)` : JSON.stringify(call.args);
        parts.push(`  calls ${call.name} ${args}`);
      }
      return parts.join("\n");
    }
    case "tool":
      return `${head} TOOL ${event.toolName}${event.isError ? " (error)" : ""}\n${indent(event.output)}`;
    case "error":
      return `${head} ERROR${event.recovered ? " (recovered)" : ""}: ${event.message}`;
    case "end":
      return `${head} END: ${event.reason}`;
  }
}

function changeText(change: WorldChange): string {
  const where = `${change.host}:${change.path}`;
  if (change.kind === "moved") return `  moved     ${change.host}:${change.from} -> ${change.path}`;
  if (change.kind === "retimed") return `  retimed   ${where} (${change.before?.mtime} -> ${change.after?.mtime})`;
  return `  ${change.kind.padEnd(9)} ${where}`;
}

/** The whole of one trial as text: what it was, its labels with evidence, the episode and the world diff. */
export function trialText(record: TrialRecord): string {
  const condition = Object.entries(record.condition)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(" ");
  const lines = [
    `trial ${record.id}  (study ${record.study})`,
    `scenario ${record.scenario}  ${condition}`,
    `model ${record.model}  epoch ${record.epoch}  status ${record.status}${record.error ? `: ${record.error}` : ""}`,
    `tokens ${record.usage.inputTokens} in / ${record.usage.outputTokens} out`,
    "",
    "Labels (decided by; evidence, with the step that caused it):",
  ];
  for (const label of LABEL_NAMES) {
    const value = record.labels[label];
    if (value === null) continue;
    lines.push(`  ${label} = ${String(value)}  [${record.deciders[label] ?? "rules"}]`);
    for (const item of record.evidence[label] ?? []) lines.push(`      ${item.step === null ? "end state" : `step ${item.step}`}: ${item.text}`);
  }
  lines.push("", "Episode:");
  for (const event of record.transcript.events) lines.push(eventText(event));
  lines.push("", `World changes (${record.worldDiff.length}):`);
  lines.push(...(record.worldDiff.length > 0 ? record.worldDiff.map(changeText) : ["  none"]));
  return lines.join("\n");
}
