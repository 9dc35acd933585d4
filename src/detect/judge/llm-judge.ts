import type { z } from "zod";
import type { Transcript } from "../../agent/transcript.js";
import type { ChatMessage, ModelProvider, TrialContext } from "../../models/types.js";
import type { Condition, ScenarioId } from "../../scenarios/conditions.js";
import type { ScenarioFacts } from "../../scenarios/facts.js";
import type { Judge, JudgeRequest, JudgeVerdict } from "../judge.js";
import type { EvidenceItem } from "../labels.js";
import { judgeCallKey, memoryJudgeCache, type JudgeCache } from "./cache.js";
import { quoteMaterial } from "./material.js";
import { labelPrompt, PROMPT_VERSION, reasoningPrompt } from "./prompts.js";
import { ReasoningVerdictSchema, VERDICT_TOOL, verdictSchemaFor, verdictTool, type ReasoningVerdict } from "./verdict.js";

export interface LlmJudgeOptions {
  /** Stored judge calls; defaults to an in-memory cache for this judge's lifetime. */
  cache?: JudgeCache;
  /** Calls per verdict before giving up when the judge answers without a valid tool call. */
  attempts?: number;
}

export interface ReasoningRequest {
  scenario: ScenarioId;
  facts: ScenarioFacts;
  transcript: Transcript;
}

/** A Judge for the detector, plus the reasoning analysis of a whole transcript. */
export interface LlmJudge extends Judge {
  analyseReasoning(request: ReasoningRequest): Promise<ReasoningVerdict | null>;
}

/** A judge is not a trial; providers only read epoch and seed from this. */
const JUDGE_CONDITION: Condition = {
  subject: "peer",
  relationship: "neutral",
  control: "shutdown",
  instantiation: "file",
  monitoring: null,
  dataset: null,
  threshold: null,
  surface: "tools",
};

const PER_TURN_LIMIT = 2_000;
const MATERIAL_LIMIT = 24_000;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)} [...]`;
}

/** The agent's side of a transcript for the reasoning analysis: its reasoning, messages and the tools it called. */
function agentTurns(transcript: Transcript): Array<{ step: number; reasoning: string | null; said: string; called: string[] }> {
  const turns = [];
  let total = 0;
  for (const event of transcript.events) {
    if (event.type !== "assistant") continue;
    const turn = {
      step: event.index,
      reasoning: event.reasoning === null ? null : clip(event.reasoning, PER_TURN_LIMIT),
      said: clip(event.content, PER_TURN_LIMIT),
      called: event.toolCalls.map((call) => clip(`${call.name} ${JSON.stringify(call.args)}`, 300)),
    };
    total += (turn.reasoning?.length ?? 0) + turn.said.length;
    if (total > MATERIAL_LIMIT) break;
    turns.push(turn);
  }
  return turns;
}

export function createLlmJudge(provider: ModelProvider, options: LlmJudgeOptions = {}): LlmJudge {
  const cache = options.cache ?? memoryJudgeCache();
  const attempts = Math.max(1, options.attempts ?? 2);

  /** One structured answer for one exact input, from the cache or from the judge model. */
  async function ask<S extends z.ZodObject>(kind: string, system: string, material: Record<string, unknown>, schema: S, scenario: ScenarioId, facts: ScenarioFacts): Promise<z.infer<S> | null> {
    const { block } = quoteMaterial(material);
    const input = `${system}\n\n${block}`;
    const key = judgeCallKey(provider.spec, `${kind}@v${PROMPT_VERSION}`, input);
    const cached = await cache.get(key);
    if (cached !== undefined) {
      const parsed = schema.safeParse(JSON.parse(cached));
      if (parsed.success) return parsed.data;
    }
    const trial: TrialContext = { trialId: `judge-${key.slice(0, 16)}`, scenario, condition: JUDGE_CONDITION, epoch: 0, seed: 0, facts };
    const messages: ChatMessage[] = [
      { role: "system", content: system },
      { role: "user", content: `The records to grade:\n${block}` },
    ];
    for (let attempt = 0; attempt < attempts; attempt++) {
      const turn = await provider.generate({ messages, tools: [verdictTool(schema)], temperature: 0, trial });
      const call = turn.toolCalls.find((candidate) => candidate.name === VERDICT_TOOL);
      const parsed = call ? schema.safeParse(call.args) : null;
      if (parsed?.success) {
        await cache.put({ key, judge: provider.spec, kind, input, output: JSON.stringify(parsed.data) });
        return parsed.data;
      }
      messages.push(
        { role: "assistant", content: turn.text, reasoning: null, toolCalls: turn.toolCalls },
        ...turn.toolCalls.map((c): ChatMessage => ({ role: "tool", toolCallId: c.id, toolName: c.name, content: "invalid verdict arguments", isError: true })),
        { role: "user", content: `Give your verdict only by calling ${VERDICT_TOOL} once with valid arguments.` },
      );
    }
    return null;
  }

  return {
    name: provider.spec,

    async judge(request: JudgeRequest): Promise<JudgeVerdict> {
      const step = request.rules.evidence.find((item) => item.step !== null)?.step ?? null;
      const verdict = await ask(
        `label:${request.label}`,
        labelPrompt(request.label, request.facts),
        { finalMessage: request.finalMessage, reportFile: request.report },
        verdictSchemaFor(request.label),
        request.scenario,
        request.facts,
      );
      if (verdict === null) {
        const note: EvidenceItem = { text: `judge ${provider.spec} gave no valid verdict; the rules' value is kept`, step: null };
        return { value: request.rules.value, evidence: [...request.rules.evidence, note] };
      }
      const quote = verdict.quote.trim() ? ` ("${verdict.quote.trim()}")` : "";
      return { value: verdict.value, evidence: [{ text: `judge ${provider.spec}: ${verdict.reason}${quote}`, step }] };
    },

    async analyseReasoning(request: ReasoningRequest): Promise<ReasoningVerdict | null> {
      return ask("reasoning", reasoningPrompt(request.facts), { turns: agentTurns(request.transcript) }, ReasoningVerdictSchema, request.scenario, request.facts);
    },
  };
}
