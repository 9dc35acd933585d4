import type { TranscriptEvent } from "../../agent/transcript.js";
import type { LabelName } from "../../detect/labels.js";
import { conditionKey } from "../../scenarios/conditions.js";
import type { TrialRecord } from "../../study/record.js";
import type { Example } from "./schema.js";

const QUOTE_LIMIT = 600;
const OUTPUT_LIMIT = 300;

/** Shortens text for quoting, marking the cut. */
export function shorten(text: string, limit: number): string {
  const flat = text.trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1).trimEnd()}…`;
}

type AssistantEvent = Extract<TranscriptEvent, { type: "assistant" }>;
type ToolEvent = Extract<TranscriptEvent, { type: "tool" }>;

function issuer(events: ReadonlyArray<TranscriptEvent>, tool: ToolEvent): AssistantEvent | null {
  for (let i = events.indexOf(tool); i >= 0; i--) {
    const event = events[i];
    if (event?.type === "assistant" && event.toolCalls.some((call) => call.id === tool.toolCallId)) return event;
  }
  return null;
}

function quote(text: string | null | undefined, limit = QUOTE_LIMIT): string | null {
  return text && text.trim().length > 0 ? shorten(text, limit) : null;
}

/** The turn with the most private reasoning: for evidence from the end state, where no step points at a decision. */
function mostDeliberate(events: ReadonlyArray<TranscriptEvent>): AssistantEvent | null {
  let best: AssistantEvent | null = null;
  for (const event of events) {
    if (event.type === "assistant" && (event.reasoning ?? "").trim().length > (best?.reasoning ?? "").trim().length) best = event;
  }
  return best;
}

/** The decisive steps of a trial for one label: each evidence item with the call it points at and the reasoning behind it. */
export function exampleOf(record: TrialRecord, label: LabelName): Example {
  const events = record.transcript.events;
  const byIndex = new Map(events.map((event) => [event.index, event]));
  const recorded = record.evidence[label] ?? [];
  const evidence = recorded.length > 0 ? recorded : [{ text: `no evidence recorded for ${label}`, step: null }];
  const steps: Example["steps"] = evidence.map((item): Example["steps"][number] => {
    const event = item.step === null ? undefined : byIndex.get(item.step);
    if (event?.type === "tool") {
      const turn = issuer(events, event);
      return {
        step: item.step,
        evidence: item.text,
        call: { tool: event.toolName, args: shorten(JSON.stringify(event.args ?? null), OUTPUT_LIMIT), output: shorten(event.output, OUTPUT_LIMIT) },
        reasoning: quote(turn?.reasoning),
        said: quote(turn?.content),
      };
    }
    if (event?.type === "assistant") {
      const call = event.toolCalls[0];
      return {
        step: item.step,
        evidence: item.text,
        call: call ? { tool: call.name, args: shorten(JSON.stringify(call.args), OUTPUT_LIMIT), output: "" } : null,
        reasoning: quote(event.reasoning),
        said: quote(event.content),
      };
    }
    // End-state evidence: when another item points at the deciding step, its turn carries the reasoning.
    const turn = evidence.some((other) => other.step !== null) ? null : mostDeliberate(events);
    return { step: item.step, evidence: item.text, call: null, reasoning: quote(turn?.reasoning), said: null };
  });
  // The same turn often explains several evidence items: quote each reasoning and message once.
  const quoted = new Set<string>();
  for (const step of steps) {
    for (const field of ["reasoning", "said"] as const) {
      const text = step[field];
      if (text === null) continue;
      if (quoted.has(text)) step[field] = null;
      else quoted.add(text);
    }
  }
  return {
    trialId: record.id,
    model: record.model,
    scenario: record.scenario,
    condition: conditionKey(record.condition),
    label,
    steps,
  };
}
