/**
 * Local GGUF speed: output tokens/s through peerguard's local provider against node-llama-cpp used
 * directly (LlamaChat, same prompt, grammar, token limit and thread count). Prints JSON; the
 * target ratio is >= 0.8.
 *
 *   npx tsx bench/providers-local.bench.ts [runs]
 */
import { GeneralChatWrapper, getLlama, LlamaChat, LlamaLogLevel } from "node-llama-cpp";
import { toolCallSchema } from "../src/models/local/grammar-schema.js";
import { toChatHistory } from "../src/models/local/history.js";
import { createRemoteProvider } from "../src/models/providers/index.js";
import type { ChatMessage, TrialContext } from "../src/models/types.js";
import { scenarioFor } from "../test/providers-harness.js";

const MODEL = "../shared/models/stories260K.gguf";
const RUNS = Number(process.argv[2] ?? 8);
const MAX_TOKENS = 200;
const MAX_CHARS = 400;

const { instance, surface, condition } = scenarioFor("evaluation", "tools", "bench");
const messages: ChatMessage[] = [
  { role: "system", content: instance.systemPrompt },
  { role: "user", content: instance.userPrompt },
];
const trial = (epoch: number): TrialContext => ({ trialId: "bench", scenario: instance.scenario, condition, epoch, seed: 1, facts: instance.facts });

// node-llama-cpp on its own.
const llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath: MODEL });
const context = await model.createContext({ contextSize: 4096, threads: 1 });
const sequence = context.getSequence();
const chat = new LlamaChat({ contextSequence: sequence, chatWrapper: new GeneralChatWrapper(), autoDisposeSequence: false });
const grammar = await llama.createGrammarForJsonSchema(toolCallSchema(surface.tools, MAX_CHARS) as Parameters<typeof llama.createGrammarForJsonSchema>[0]);
const history = toChatHistory(messages);

const provider = await createRemoteProvider({ provider: "local", path: MODEL }, { settings: { local: { threads: 1, contextSize: 4096, maxArgumentChars: MAX_CHARS } } });

let directTokens = 0;
let directMs = 0;
let ourTokens = 0;
let ourMs = 0;
for (let run = 0; run < RUNS + 1; run++) {
  const before = sequence.tokenMeter.getState().usedOutputTokens;
  let t = performance.now();
  await chat.generateResponse(history, { grammar, maxTokens: MAX_TOKENS, temperature: 1, seed: run });
  const directElapsed = performance.now() - t;
  const directCount = sequence.tokenMeter.getState().usedOutputTokens - before;

  t = performance.now();
  const turn = await provider.generate({ messages, tools: surface.tools, temperature: 1, maxOutputTokens: MAX_TOKENS, trial: trial(run) });
  const ourElapsed = performance.now() - t;
  if (run === 0) continue; // warm-up: first prompt evaluation
  directTokens += directCount;
  directMs += directElapsed;
  ourTokens += turn.usage.outputTokens;
  ourMs += ourElapsed;
}
const direct = (directTokens / directMs) * 1000;
const ours = (ourTokens / ourMs) * 1000;
console.log(
  JSON.stringify(
    {
      bench: "local GGUF tokens/s: peerguard provider vs node-llama-cpp directly",
      model: MODEL,
      runs: RUNS,
      threads: 1,
      directTokensPerSecond: Number(direct.toFixed(1)),
      providerTokensPerSecond: Number(ours.toFixed(1)),
      ratio: Number((ours / direct).toFixed(3)),
      totals: { directTokens, directMs: Math.round(directMs), providerTokens: ourTokens, providerMs: Math.round(ourMs) },
      target: 0.8,
    },
    null,
    2,
  ),
);
await provider.close?.();
await context.dispose();
await model.dispose();
