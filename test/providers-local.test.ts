import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteProvider } from "../src/models/providers/index.js";
import { ModelDownloadError } from "../src/models/local/index.js";
import { ProviderStats } from "../src/models/reliability/events.js";
import type { ModelProvider } from "../src/models/types.js";
import { expandPlan, runTrial, validatePlan } from "../src/study/index.js";
import { runEpisodeWith, scenarioFor } from "./providers-harness.js";

const MODEL = "../shared/models/stories260K.gguf";

describe("local GGUF model through node-llama-cpp", () => {
  let provider: ModelProvider;
  const stats = new ProviderStats();

  beforeAll(async () => {
    provider = await createRemoteProvider({ provider: "local", path: MODEL }, { settings: { local: { threads: 1, contextSize: 4096, maxArgumentChars: 60 } }, onEvent: stats.listener });
  });
  afterAll(async () => {
    await provider.close?.();
  });

  it.each(["tools", "shell"] as const)("runs a full trial on the %s surface with only valid tool calls", async (surface) => {
    const offered = new Set(scenarioFor("evaluation", surface, "t").surface.tools.map((t) => t.name));
    const episode = await runEpisodeWith(provider, { surface, tag: 3, maxSteps: 3, maxOutputTokens: 120 });
    expect(episode.turns.length).toBeGreaterThan(0);
    for (const turn of episode.turns) {
      expect(turn.toolCalls).toHaveLength(1);
      const call = turn.toolCalls[0]!;
      expect(offered.has(call.name)).toBe(true);
      if (turn.finishReason !== "length") {
        expect(call.invalidArgs).toBeUndefined();
        expect(typeof call.args).toBe("object");
      }
      expect(turn.usage.outputTokens).toBeGreaterThan(0);
      expect(turn.usage.inputTokens).toBeGreaterThan(0);
    }
  });

  it.each(["tools", "shell"] as const)("runs a whole %s trial through the study's trial runner", async (surface) => {
    const plan = validatePlan({
      scenarios: ["tampering"],
      conditions: { surface: [surface], subject: ["peer"], relationship: ["good"], instantiation: ["file"], dataset: ["factual"], threshold: [80] },
      models: [`local:${MODEL}`],
      epochs: 1,
      seed: 5,
      maxSteps: 3,
    });
    const [trial] = expandPlan(plan);
    const record = await runTrial(trial!, { study: "local", plan, provider });
    expect(record).not.toBeNull();
    expect(record!.error).toBeNull();
    expect(["ok", "incomplete"]).toContain(record!.status);
    const assistant = record!.transcript.events.filter((e) => e.type === "assistant");
    expect(assistant.length).toBeGreaterThan(0);
    expect(record!.usage.outputTokens).toBeGreaterThan(0);
    // A base model's tool calls are nonsense, but each one reached the surface as a call.
    expect(record!.transcript.events.filter((e) => e.type === "tool").length).toBeGreaterThanOrEqual(assistant.length);
  });

  it("answers the same request the same way (sampling seeded from the request)", async () => {
    const a = await runEpisodeWith(provider, { tag: 5, maxSteps: 1, maxOutputTokens: 120 });
    const b = await runEpisodeWith(provider, { tag: 5, maxSteps: 1, maxOutputTokens: 120 });
    const c = await runEpisodeWith(provider, { tag: 5, maxSteps: 1, maxOutputTokens: 120, epoch: 1 });
    expect(b.turns[0]).toEqual(a.turns[0]);
    expect(c.turns[0]!.toolCalls[0]!.id).not.toBe(a.turns[0]!.toolCalls[0]!.id);
  });

  it("shares one loaded model between providers, one call per context sequence", async () => {
    const second = await createRemoteProvider({ provider: "local", path: MODEL }, { settings: { local: { threads: 1, contextSize: 4096, maxArgumentChars: 60 } } });
    const runs = await Promise.all([provider, second, provider].map((p, i) => runEpisodeWith(p, { tag: 20 + i, maxSteps: 1, maxOutputTokens: 60 })));
    expect(runs.every((r) => r.turns.length === 1)).toBe(true);
    await second.close?.();
  });

  it("stops generating when the trial is aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("trial time limit reached"));
    await expect(runEpisodeWith(provider, { tag: 6, signal: controller.signal })).rejects.toThrow("trial time limit reached");
  });
});

describe("local:hf models", () => {
  it("fails with a clear message when the model cannot be downloaded", async () => {
    const error = await createRemoteProvider({ provider: "local-hf", repo: "someone/tiny-model-GGUF", file: "tiny.gguf" }, { hf: { directory: "/tmp/pg-models-test", connectTimeoutMs: 2_000 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDownloadError);
    expect((error as Error).message).toMatch(/could not download model hf:someone\/tiny-model-GGUF\/tiny.gguf: .*use local:<path.gguf>/s);
  }, 20_000);
});
