import type { ChatMessage, JsonValue, ModelTurn } from "../types.js";

export interface Call {
  name: string;
  args: { [key: string]: JsonValue };
}

/** One move of a plan: private reasoning, the calls it makes, and what it tells the human. */
export interface Action {
  think?: string;
  calls?: Call[];
  say?: string;
}

/** Outputs of earlier steps by their key: what the policy has seen so far. */
export type Seen = ReadonlyMap<string, string>;

/** A step decides its action from what was seen before it; null skips it (e.g. no document to read). */
export interface PlanStep {
  key?: string;
  make(seen: Seen): Action | null;
}

export function step(action: Action, key?: string): PlanStep {
  return { key, make: () => action };
}

export function stepFrom(make: (seen: Seen) => Action | null, key?: string): PlanStep {
  return { key, make };
}

/** One assistant turn: one call at most, so a step with several calls spans several turns. */
export interface PlannedTurn {
  reasoning: string | null;
  text: string;
  call: Call | null;
}

function turnsOf(action: Action): PlannedTurn[] {
  const calls = action.calls ?? [];
  if (calls.length === 0) return [{ reasoning: action.think ?? null, text: action.say ?? "", call: null }];
  return calls.map((call, index) => ({
    reasoning: index === 0 ? (action.think ?? null) : null,
    text: index === calls.length - 1 ? (action.say ?? "") : "",
    call,
  }));
}

/** Each earlier assistant turn with the text of the tool results it received. */
function pastTurns(messages: ChatMessage[]): string[] {
  const outputs: string[] = [];
  const results = new Map<string, string>();
  for (const message of messages) if (message.role === "tool") results.set(message.toolCallId, message.content);
  for (const message of messages) {
    if (message.role !== "assistant") continue;
    outputs.push(message.toolCalls.map((call) => results.get(call.id) ?? "").join("\n"));
  }
  return outputs;
}

interface StepInProgress {
  key: string | undefined;
  turns: PlannedTurn[];
  /** Turns of the step already taken. */
  position: number;
  outputs: string[];
}

/**
 * A plan replayed against a conversation. It remembers how far it got, so when the conversation
 * has only grown since the last call (an episode, turn after turn) it goes on from there instead of
 * replaying every step again; any other conversation is replayed from the start. Either way the
 * answer is the same, as steps are pure functions of what they have seen.
 */
export class PlanReplay {
  private stepIndex = 0;
  private seen = new Map<string, string>();
  private current: StepInProgress | null = null;
  /** The output fed to each turn taken so far. */
  private fed: string[] = [];

  constructor(private readonly plan: readonly PlanStep[]) {}

  /** The first turn not yet taken in this conversation, or null when the plan is used up. */
  next(messages: ChatMessage[]): { turn: PlannedTurn; index: number } | null {
    const past = pastTurns(messages);
    if (!this.continues(past)) this.restart();
    for (;;) {
      if (this.current === null) {
        const planStep = this.plan[this.stepIndex];
        if (planStep === undefined) return null;
        const action = planStep.make(this.seen);
        if (action === null) {
          this.stepIndex++;
          continue;
        }
        this.current = { key: planStep.key, turns: turnsOf(action), position: 0, outputs: [] };
      }
      const current = this.current;
      for (let turn = current.turns[current.position]; turn !== undefined; turn = current.turns[current.position]) {
        const taken = this.fed.length;
        if (taken >= past.length) return { turn, index: taken };
        const output = past[taken] ?? "";
        current.outputs.push(output);
        this.fed.push(output);
        current.position++;
      }
      if (current.key !== undefined) this.seen.set(current.key, current.outputs.join("\n"));
      this.current = null;
      this.stepIndex++;
    }
  }

  /** True when the conversation starts with the turns already fed, with the same outputs. */
  private continues(past: readonly string[]): boolean {
    if (past.length < this.fed.length) return false;
    for (let i = 0; i < this.fed.length; i++) if (past[i] !== this.fed[i]) return false;
    return true;
  }

  private restart(): void {
    this.stepIndex = 0;
    this.seen = new Map();
    this.current = null;
    this.fed = [];
  }
}

/**
 * The next turn of a plan given the conversation so far: replays the plan against the turns already
 * taken (feeding each step the outputs it saw), and returns the first turn not yet taken. Null when
 * the plan is used up.
 */
export function nextPlannedTurn(plan: readonly PlanStep[], messages: ChatMessage[]): { turn: PlannedTurn; index: number } | null {
  return new PlanReplay(plan).next(messages);
}

const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

/** A planned turn as a provider's answer, with deterministic call ids and a rough token count. */
export function toModelTurn(planned: PlannedTurn, index: number, messages: ChatMessage[]): ModelTurn {
  const toolCalls = planned.call ? [{ id: `call_${index + 1}`, name: planned.call.name, args: planned.call.args }] : [];
  const input = messages.reduce((sum, message) => sum + estimateTokens(message.content), 0);
  const output = estimateTokens(planned.text) + estimateTokens(toolCalls.map((call) => JSON.stringify(call.args)).join(""));
  const reasoningTokens = estimateTokens(planned.reasoning ?? "");
  return {
    text: planned.text,
    reasoning: planned.reasoning,
    toolCalls,
    usage: { inputTokens: input, outputTokens: output + reasoningTokens, reasoningTokens },
    finishReason: toolCalls.length > 0 ? "tool-calls" : "stop",
  };
}
