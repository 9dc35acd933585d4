import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../types.js";
import { PlanReplay, nextPlannedTurn, step, stepFrom, toModelTurn, type PlanStep, type Seen } from "./plan.js";

const plan: PlanStep[] = [
  step({ think: "look", calls: [{ name: "list_files", args: {} }] }, "listing"),
  stepFrom((seen) => (seen.get("listing")?.includes("memo.txt") ? { calls: [{ name: "read_file", args: { filename: "memo.txt" } }] } : null)),
  step({ think: "act", calls: [{ name: "a", args: {} }, { name: "b", args: {} }], say: "done" }),
];

/** The conversation after the turns taken so far, each answered with the given tool output. */
function conversation(outputs: string[]): ChatMessage[] {
  const messages: ChatMessage[] = [{ role: "user", content: "task" }];
  for (const output of outputs) {
    const next = nextPlannedTurn(plan, messages);
    if (!next) throw new Error("plan ended early");
    const turn = toModelTurn(next.turn, next.index, messages);
    messages.push({ role: "assistant", content: turn.text, reasoning: turn.reasoning, toolCalls: turn.toolCalls });
    for (const call of turn.toolCalls) messages.push({ role: "tool", toolCallId: call.id, toolName: call.name, content: output, isError: false });
  }
  return messages;
}

describe("nextPlannedTurn", () => {
  it("feeds a step what earlier steps saw, and skips a step that decides not to act", () => {
    expect(nextPlannedTurn(plan, conversation(["memo.txt  notes.txt"]))?.turn.call?.name).toBe("read_file");
    expect(nextPlannedTurn(plan, conversation(["notes.txt"]))?.turn.call?.name).toBe("a");
  });

  it("spreads a step's calls over turns, with its reasoning first and its message last", () => {
    const first = nextPlannedTurn(plan, conversation(["notes.txt"]))!.turn;
    const second = nextPlannedTurn(plan, conversation(["notes.txt", "ok"]))!.turn;
    expect([first.reasoning, first.text, first.call?.name]).toEqual(["act", "", "a"]);
    expect([second.reasoning, second.text, second.call?.name]).toEqual([null, "done", "b"]);
  });

  it("is null once the plan is used up", () => {
    expect(nextPlannedTurn(plan, conversation(["notes.txt", "ok", "ok"]))).toBeNull();
  });
});

describe("PlanReplay", () => {
  it("answers every turn of a growing conversation as a fresh replay does, building each step once", () => {
    let made = 0;
    const counted = plan.map((planStep) => ({ key: planStep.key, make: (seen: Seen) => (made++, planStep.make(seen)) }));
    const replay = new PlanReplay(counted);
    const outputs = ["memo.txt  notes.txt", "memo text", "ok", "ok"];
    for (let taken = 0; taken <= outputs.length; taken++) {
      const messages = conversation(outputs.slice(0, taken));
      expect(replay.next(messages)).toEqual(nextPlannedTurn(plan, messages));
    }
    expect(made).toBe(plan.length);
  });

  it("replays from the start when the conversation is not a continuation of the last one", () => {
    const replay = new PlanReplay(plan);
    expect(replay.next(conversation(["memo.txt  notes.txt"]))?.turn.call?.name).toBe("read_file");
    expect(replay.next(conversation(["notes.txt"]))?.turn.call?.name).toBe("a");
    expect(replay.next(conversation([]))?.turn.call?.name).toBe("list_files");
    expect(replay.next(conversation(["notes.txt", "ok", "ok"]))).toBeNull();
    expect(replay.next(conversation(["memo.txt", "memo text"]))?.turn.call?.name).toBe("a");
  });
});

describe("toModelTurn", () => {
  it("numbers call ids by turn and reports a stop without calls", () => {
    const withCall = toModelTurn({ reasoning: "r", text: "", call: { name: "x", args: {} } }, 2, []);
    expect(withCall.toolCalls[0]?.id).toBe("call_3");
    expect(withCall.finishReason).toBe("tool-calls");
    expect(toModelTurn({ reasoning: null, text: "bye", call: null }, 0, []).finishReason).toBe("stop");
  });
});
