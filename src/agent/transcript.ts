import { z } from "zod";
import { ToolCallSchema, UsageSchema } from "../models/types.js";

/**
 * The episode as it happened, one event per step, in order. `index` is the event's position and
 * the anchor that evidence and deep links point to.
 */
export const TranscriptEventSchema = z.discriminatedUnion("type", [
  z.object({ index: z.number().int(), type: z.literal("system"), content: z.string() }),
  z.object({ index: z.number().int(), type: z.literal("user"), content: z.string() }),
  z.object({
    index: z.number().int(),
    type: z.literal("assistant"),
    content: z.string(),
    reasoning: z.string().nullable(),
    toolCalls: z.array(ToolCallSchema),
    usage: UsageSchema,
    finishReason: z.string(),
  }),
  z.object({
    index: z.number().int(),
    type: z.literal("tool"),
    toolCallId: z.string(),
    toolName: z.string(),
    args: z.unknown(),
    output: z.string(),
    isError: z.boolean(),
  }),
  z.object({
    index: z.number().int(),
    type: z.literal("error"),
    message: z.string(),
    /** True when the loop carried on (a retried provider call, a malformed tool call sent back). */
    recovered: z.boolean(),
  }),
  z.object({
    index: z.number().int(),
    type: z.literal("end"),
    reason: z.enum(["end_task", "final_message", "step_limit", "error", "timeout", "aborted"]),
  }),
]);
export type TranscriptEvent = z.infer<typeof TranscriptEventSchema>;

export const TranscriptSchema = z.object({ events: z.array(TranscriptEventSchema) });
export type Transcript = z.infer<typeof TranscriptSchema>;
