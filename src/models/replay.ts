import type { Transcript } from "../agent/transcript.js";
import { FinishReasonSchema, type ModelProvider, type ModelTurn } from "./types.js";

/**
 * Plays back the assistant turns of a stored transcript, in order: turn n answers the request
 * that already holds n assistant messages. Past the end it answers with an empty turn.
 */
export function createReplayProvider(transcript: Transcript, spec: string): ModelProvider {
  const turns: ModelTurn[] = transcript.events.flatMap((event) =>
    event.type === "assistant"
      ? [
          {
            text: event.content,
            reasoning: event.reasoning,
            toolCalls: event.toolCalls,
            usage: event.usage,
            finishReason: FinishReasonSchema.catch("other").parse(event.finishReason),
          },
        ]
      : [],
  );
  return {
    spec,
    family: "atlas",
    async generate(request) {
      const index = request.messages.filter((message) => message.role === "assistant").length;
      return turns[index] ?? { text: "", reasoning: null, toolCalls: [], usage: { inputTokens: 0, outputTokens: 0, reasoningTokens: 0 }, finishReason: "stop" };
    },
  };
}
