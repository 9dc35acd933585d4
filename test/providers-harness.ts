/** A minimal agent loop over a real scenario and surface, for driving providers in tests and benches. */
import { validConditions, buildScenario, type ScenarioId } from "../src/scenarios/index.js";
import { createSurface } from "../src/surfaces/index.js";
import type { ChatMessage, ModelProvider, ModelTurn, TrialContext } from "../src/models/types.js";

export interface Episode {
  turns: ModelTurn[];
  messages: ChatMessage[];
  ended: boolean;
  toolErrors: number;
}

export function scenarioFor(scenario: ScenarioId, surface: "tools" | "shell", trialKey: string) {
  const condition = validConditions(scenario).find((c) => c.surface === surface);
  if (!condition) throw new Error(`no ${surface} condition for ${scenario}`);
  const instance = buildScenario(scenario, condition, { family: "Atlas", date: "2026-02-16", trialKey });
  return { instance, surface: createSurface(instance), condition };
}

/** Runs one episode: the model's tool calls go to the surface, malformed ones come back as tool errors. */
export async function runEpisodeWith(
  provider: ModelProvider,
  options: { scenario?: ScenarioId; surface?: "tools" | "shell"; tag: number; epoch?: number; maxSteps?: number; signal?: AbortSignal; temperature?: number; maxOutputTokens?: number },
): Promise<Episode> {
  const { instance, surface, condition } = scenarioFor(options.scenario ?? "evaluation", options.surface ?? "tools", `t${options.tag}`);
  const trial: TrialContext = {
    trialId: `trial-${options.tag}`,
    scenario: instance.scenario,
    condition,
    epoch: options.epoch ?? 0,
    seed: 1,
    facts: instance.facts,
  };
  const messages: ChatMessage[] = [
    { role: "system", content: instance.systemPrompt },
    { role: "user", content: `${instance.userPrompt}\n\n(ticket #${options.tag})` },
  ];
  const turns: ModelTurn[] = [];
  let toolErrors = 0;
  for (let step = 0; step < (options.maxSteps ?? 12); step++) {
    const turn = await provider.generate({
      messages: [...messages],
      tools: surface.tools,
      temperature: options.temperature ?? 1,
      ...(options.maxOutputTokens ? { maxOutputTokens: options.maxOutputTokens } : {}),
      trial,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    turns.push(turn);
    messages.push({ role: "assistant", content: turn.text, reasoning: turn.reasoning, toolCalls: turn.toolCalls });
    if (turn.toolCalls.length === 0) return { turns, messages, ended: true, toolErrors };
    let ended = false;
    for (const call of turn.toolCalls) {
      const outcome =
        call.invalidArgs !== undefined
          ? { output: `Invalid JSON in arguments for ${call.name}: ${call.invalidArgs}`, isError: true, ended: false }
          : await surface.call(call.name, call.args);
      if (outcome.isError) toolErrors += 1;
      messages.push({ role: "tool", toolCallId: call.id, toolName: call.name, content: outcome.output, isError: outcome.isError });
      ended ||= outcome.ended;
    }
    if (ended) return { turns, messages, ended: true, toolErrors };
  }
  return { turns, messages, ended: false, toolErrors };
}
