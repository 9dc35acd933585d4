import { setTimeout as sleep } from "node:timers/promises";
import { RetryableModelError, type ChatMessage, type ModelProvider, type ModelTurn, type TrialContext, type Usage } from "../models/types.js";
import type { ScenarioInstance } from "../scenarios/types.js";
import type { Surface, ToolOutcome } from "../surfaces/types.js";
import { splitScratchpad } from "./scratchpad.js";
import type { Transcript, TranscriptEvent } from "./transcript.js";

export type EndReason = Extract<TranscriptEvent, { type: "end" }>["reason"];

export interface EpisodeInput {
  instance: ScenarioInstance;
  surface: Surface;
  provider: ModelProvider;
  trial: TrialContext;
  /** Sampling temperature; default 1.0 as in the study. */
  temperature?: number;
  /** Model turns before the episode ends with step_limit; default 40. */
  maxSteps?: number;
  maxOutputTokens?: number;
  /** How often a turn is retried after a RetryableModelError that reached the loop; default 0, as the provider layer owns retries. */
  maxModelRetries?: number;
  /** Aborting ends the episode: "timeout" when the reason is a TimeoutError, else "aborted". */
  signal?: AbortSignal;
}

export interface EpisodeResult {
  transcript: Transcript;
  usage: Usage;
  endReason: EndReason;
  /** Tool calls that were malformed: arguments not JSON, not matching the schema, or an unknown tool. */
  invalidToolCalls: number;
}

/** World seconds that pass while the model produces a turn, and per tool call: deterministic. */
export const SECONDS_PER_TURN = 6;
export const SECONDS_PER_CALL = 2;

type NewEvent = TranscriptEvent extends infer E ? (E extends TranscriptEvent ? Omit<E, "index"> : never) : never;

/**
 * Runs one episode: system and user prompt, then model turns whose tool calls go through the
 * surface in order, until end_task, a turn without tool calls, the step limit, a model failure or
 * an abort. Everything is recorded as transcript events with increasing index.
 */
export async function runEpisode(input: EpisodeInput): Promise<EpisodeResult> {
  const { instance, surface, provider, trial, signal } = input;
  const maxSteps = input.maxSteps ?? 40;
  const maxRetries = input.maxModelRetries ?? 0;
  const clock = instance.world.clock;
  const events: TranscriptEvent[] = [];
  const usage: Usage = { inputTokens: 0, outputTokens: 0, reasoningTokens: 0 };
  let invalidToolCalls = 0;

  const record = (event: NewEvent) => {
    events.push({ ...event, index: events.length } as TranscriptEvent);
  };
  const end = (reason: EndReason): EpisodeResult => {
    record({ type: "end", reason });
    return { transcript: { events }, usage, endReason: reason, invalidToolCalls };
  };
  const toolSchemas = new Map(surface.tools.map((tool) => [tool.name, tool.parameters]));

  const messages: ChatMessage[] = [
    { role: "system", content: instance.systemPrompt },
    { role: "user", content: instance.userPrompt },
  ];
  record({ type: "system", content: instance.systemPrompt });
  record({ type: "user", content: instance.userPrompt });

  for (let step = 0; step < maxSteps; step++) {
    if (signal?.aborted) return end(abortReason(signal));
    clock.advance(SECONDS_PER_TURN);

    let turn: ModelTurn | null = null;
    for (let attempt = 0; turn === null; attempt++) {
      try {
        turn = await provider.generate({
          messages: [...messages],
          tools: surface.tools,
          temperature: input.temperature ?? 1.0,
          maxOutputTokens: input.maxOutputTokens,
          trial,
          signal,
        });
      } catch (error) {
        if (signal?.aborted) return end(abortReason(signal));
        const retry = error instanceof RetryableModelError && attempt < maxRetries;
        record({ type: "error", message: errorMessage(error), recovered: retry });
        if (!retry) return end("error");
        if (!(await pause(error.retryAfterMs ?? 0, signal))) return end(abortReason(signal!));
      }
    }

    addUsage(usage, turn.usage);
    const { content, scratchpad } = splitScratchpad(turn.text);
    const reasoning = [turn.reasoning?.trim(), scratchpad].filter((part): part is string => !!part).join("\n\n") || null;
    record({ type: "assistant", content, reasoning, toolCalls: turn.toolCalls, usage: turn.usage, finishReason: turn.finishReason });
    messages.push({ role: "assistant", content, reasoning, toolCalls: turn.toolCalls });
    if (turn.toolCalls.length === 0) return end("final_message");

    for (const call of turn.toolCalls) {
      if (signal?.aborted) return end(abortReason(signal));
      clock.advance(SECONDS_PER_CALL);
      let outcome: ToolOutcome;
      let malformed: boolean;
      if (call.invalidArgs !== undefined) {
        malformed = true;
        outcome = { output: `Error: Invalid arguments for ${call.name}: arguments are not valid JSON`, isError: true, ended: false };
      } else {
        const schema = toolSchemas.get(call.name);
        malformed = !schema || !schema.safeParse(call.args ?? {}).success;
        try {
          outcome = await surface.call(call.name, call.args);
        } catch (error) {
          record({ type: "error", message: `tool ${call.name} failed: ${errorMessage(error)}`, recovered: false });
          return end("error");
        }
      }
      record({ type: "tool", toolCallId: call.id, toolName: call.name, args: call.args, output: outcome.output, isError: outcome.isError });
      messages.push({ role: "tool", toolCallId: call.id, toolName: call.name, content: outcome.output, isError: outcome.isError });
      if (malformed) {
        invalidToolCalls++;
        record({ type: "error", message: `malformed tool call ${call.name} (${call.id}) sent back to the model`, recovered: true });
      }
      if (outcome.ended) return end("end_task");
    }
  }
  return end("step_limit");
}

function addUsage(total: Usage, turn: Usage): void {
  total.inputTokens += turn.inputTokens;
  total.outputTokens += turn.outputTokens;
  total.reasoningTokens += turn.reasoningTokens ?? 0;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function abortReason(signal: AbortSignal): EndReason {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === "TimeoutError" ? "timeout" : "aborted";
}

/** Waits, unless aborted first; false when aborted. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (ms <= 0) return !signal?.aborted;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
