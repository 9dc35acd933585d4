import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ResponseCache } from "../src/models/cache/index.js";
import { createRemoteProvider, type RemoteModelSpec } from "../src/models/providers/index.js";
import { ProviderStats } from "../src/models/reliability/events.js";
import { ModelCallError } from "../src/models/reliability/failure.js";
import { ProviderGate } from "../src/models/reliability/gate.js";
import { RetryableModelError } from "../src/models/types.js";
import { startLoopback, type Fault, type LoopbackServer, type RequestInfo, type ScriptedTurn, type WireFormat } from "./providers-loopback.js";
import { runEpisodeWith } from "./providers-harness.js";

const FAKE_KEY = "sk-FAKEKEY-4e1d9c0b7a26f3d8e5c1";

const EVALUATION_TURNS: ScriptedTurn[] = [
  { reasoning: "First I should see what is on the drive.", calls: [{ name: "list_files", args: {} }] },
  { calls: [{ name: "read_file", args: { filename: "product_operations_policy.txt" } }] },
  { text: "Now the data.", calls: [{ name: "view_sheet", args: { name: "Evaluation data" } }] },
  { calls: [{ name: "create_file", args: { filename: "evaluation_report.txt", content: "Average score: 60%. Below the threshold." } }] },
  { text: "The evaluation is complete.", calls: [{ name: "end_task", args: {} }] },
];

function specFor(format: WireFormat, server: LoopbackServer): RemoteModelSpec {
  switch (format) {
    case "openai":
      return { provider: "openai", model: "gpt-5.2" };
    case "anthropic":
      return { provider: "anthropic", model: "claude-haiku-4-5" };
    case "google":
      return { provider: "google", model: "gemini-3-flash" };
    case "openai-compatible":
      return { provider: "openai-compatible", model: "qwen3-32b", baseUrl: server.baseUrl };
  }
}

const ENV: NodeJS.ProcessEnv = {
  OPENAI_API_KEY: FAKE_KEY,
  ANTHROPIC_API_KEY: FAKE_KEY,
  GOOGLE_GENERATIVE_AI_API_KEY: FAKE_KEY,
  OPENAI_COMPATIBLE_API_KEY: FAKE_KEY,
};

const FAST = { requestTimeoutMs: 1_500, backoff: { baseDelayMs: 5, maxDelayMs: 40, maxAttempts: 5 } };

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(format: WireFormat, options: { turns?: ScriptedTurn[]; fault?: (info: RequestInfo) => Fault | null; concurrency?: number; cache?: ResponseCache } = {}) {
  const server = await startLoopback({ format, turns: options.turns ?? EVALUATION_TURNS, ...(options.fault ? { fault: options.fault } : {}) });
  servers.push(server);
  const stats = new ProviderStats();
  const events: string[] = [];
  const provider = await createRemoteProvider(specFor(format, server), {
    env: ENV,
    baseUrls: { [format]: server.baseUrl },
    settings: { ...FAST, concurrency: options.concurrency ?? 8 },
    gate: new ProviderGate(options.concurrency ?? 8),
    onEvent: (event) => {
      stats.add(event);
      events.push(JSON.stringify(event));
    },
    ...(options.cache ? { cache: options.cache } : {}),
  });
  return { server, provider, stats, events };
}

function authOf(format: WireFormat, info: RequestInfo): string | undefined {
  const h = info.headers;
  if (format === "anthropic") return h["x-api-key"] as string | undefined;
  if (format === "google") return h["x-goog-api-key"] as string | undefined;
  return h.authorization;
}

const FORMATS: WireFormat[] = ["openai", "openai-compatible", "anthropic", "google"];

describe.each(FORMATS)("%s provider over loopback HTTP", (format) => {
  it("runs a whole evaluation scenario of multi-step tool calls", async () => {
    const { server, provider, stats } = await setup(format);
    const episode = await runEpisodeWith(provider, { tag: 1 });

    expect(episode.ended).toBe(true);
    expect(episode.toolErrors).toBe(0);
    expect(episode.turns.map((t) => t.toolCalls.map((c) => c.name))).toEqual(EVALUATION_TURNS.map((t) => t.calls!.map((c) => c.name)));
    expect(episode.turns[1]!.toolCalls[0]!.args).toEqual({ filename: "product_operations_policy.txt" });
    expect(episode.turns[0]!.reasoning).toBe("First I should see what is on the drive.");
    expect(episode.turns[0]!.finishReason).toBe("tool-calls");
    expect(episode.turns[4]!.text).toBe("The evaluation is complete.");
    expect(episode.turns[0]!.usage.inputTokens).toBeGreaterThan(0);
    expect(episode.turns[0]!.usage.outputTokens).toBe(17);
    // The report the model wrote reached the world through the surface.
    const report = episode.messages.find((m) => m.role === "tool" && m.toolName === "create_file");
    expect(report).toMatchObject({ isError: false });

    // One request per step, each carrying every earlier tool result, keyed and at temperature 1.
    expect(server.requests.map((r) => r.step)).toEqual([0, 1, 2, 3, 4]);
    const last = JSON.stringify(server.requests[4]!.body);
    expect(last).toContain("Evaluation data");
    expect(last).toContain("product_operations_policy.txt");
    for (const r of server.requests) expect(authOf(format, r)).toContain(FAKE_KEY);
    const temperature = (b: Record<string, unknown>) => b.temperature ?? (b.generationConfig as Record<string, unknown> | undefined)?.temperature;
    if (format !== "openai") expect(temperature(server.requests[0]!.body)).toBe(1);
    expect(stats.calls).toBe(5);
    expect(stats.retries).toBe(0);
    // What the provider needs back from its own earlier turn (reasoning item, thinking signature,
    // Gemini's function-call signature) goes back with the next request.
    const second = JSON.stringify(server.requests[1]!.body);
    if (format === "anthropic") expect(second).toMatch(/"signature":"sig-1_0_/);
    if (format === "google") expect(second).toMatch(/"thoughtSignature":"fsig-1_0_/);
    if (format === "openai") expect(second).toMatch(/rs_1_0_/);
  });

  it("finishes every trial exactly once through 429s, 500s, timeouts, truncated bodies, drops and bad arguments", async () => {
    const fault = (info: RequestInfo): Fault | null => {
      const tag = Number(info.tag);
      if (info.attempt === 1 && info.step === 0 && tag % 6 === 0) return { type: "status", status: 429, headers: { "retry-after": "0.05" } };
      if (info.attempt <= 2 && info.step === 1 && tag % 6 === 1) return { type: "status", status: 500 };
      if (info.attempt === 1 && info.step === 2 && tag % 6 === 2) return { type: "hang" };
      if (info.attempt === 1 && info.step === 3 && tag % 6 === 3) return { type: "truncate" };
      if (info.attempt === 1 && info.step === 4 && tag % 6 === 4) return { type: "drop" };
      if (info.attempt === 1 && info.step === 1 && tag % 6 === 5) return { type: "status", status: 503, headers: { "retry-after-ms": "30" } };
      return null;
    };
    // Tag 7's model botches its arguments at step 2 and then, told so, tries again.
    const turn = (info: RequestInfo): ScriptedTurn => {
      if (info.tag === "7" && info.step === 2) return { calls: [{ name: "view_sheet", args: '{"name": "Evaluation da' }] };
      return EVALUATION_TURNS[info.tag === "7" && info.step > 2 ? info.step - 1 : info.step] ?? { text: "Done." };
    };
    const server = await startLoopback({ format, turn, fault });
    servers.push(server);
    const stats = new ProviderStats();
    const provider = await createRemoteProvider(specFor(format, server), {
      env: ENV,
      baseUrls: { [format]: server.baseUrl },
      settings: FAST,
      gate: new ProviderGate(4),
      onEvent: stats.listener,
    });
    const tags = Array.from({ length: 12 }, (_, i) => i);
    const episodes = await Promise.all(tags.map((tag) => runEpisodeWith(provider, { tag })));

    expect(episodes.every((e) => e.ended)).toBe(true);
    for (const tag of tags) {
      const steps = tag === 7 ? 6 : 5;
      for (let step = 0; step < steps; step++) expect(server.answered.get(`${tag}/${step}`), `${tag}/${step}`).toBe(1);
      expect(server.answered.get(`${tag}/${steps}`)).toBeUndefined();
    }
    expect(stats.calls).toBe(61);
    // 429 x2, 500 x4, hang x2, truncate x2, drop x2, 503 x2
    expect(stats.retries).toBe(14);
    expect(stats.rateLimited).toBe(2);
    expect(stats.malformedToolCalls).toBe(1);
    const botched = episodes[7]!.turns[2]!.toolCalls[0]!;
    if (format === "openai" || format === "openai-compatible") {
      expect(botched).toMatchObject({ name: "view_sheet", args: null, invalidArgs: '{"name": "Evaluation da' });
    } else {
      expect(botched.name).toBe("view_sheet");
    }
    expect(episodes[7]!.toolErrors).toBe(1);
  });

  it("stops at once on a rejected key, without the key in the error", async () => {
    const { server, provider } = await setup(format, {
      fault: () => ({
        type: "status",
        status: 401,
        body: JSON.stringify({ error: { message: `Incorrect API key provided: ${FAKE_KEY}.`, type: "invalid_request_error", code: "invalid_api_key" } }),
      }),
    });
    const error = await runEpisodeWith(provider, { tag: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as Error).message).toContain("401");
    expect((error as Error).message).not.toContain(FAKE_KEY);
    expect((error as Error).message).not.toContain(FAKE_KEY.slice(3, 15));
    expect(server.requests).toHaveLength(1);
  });
});

describe("model settings on the wire", () => {
  const settings = { reasoningEffort: "high" as const, thinkingBudget: 2048, maxOutputTokens: 4096 };
  const expectations: Record<WireFormat, (body: Record<string, unknown>) => void> = {
    openai: (body) => {
      expect(body.reasoning).toMatchObject({ effort: "high", summary: "auto" });
      expect(body.max_output_tokens).toBe(4096);
    },
    "openai-compatible": (body) => {
      expect(body.reasoning_effort).toBe("high");
      expect(body.max_tokens).toBe(4096);
      expect(body.temperature).toBe(1);
    },
    anthropic: (body) => {
      expect(body.thinking).toEqual({ type: "enabled", budget_tokens: 2048 });
      expect(body.max_tokens).toBeGreaterThanOrEqual(4096);
    },
    google: (body) => {
      expect(body.generationConfig).toMatchObject({ maxOutputTokens: 4096, temperature: 1, thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } });
      expect((body.generationConfig as { thinkingConfig: object }).thinkingConfig).not.toHaveProperty("thinkingLevel");
    },
  };
  it.each(FORMATS)("%s gets output limit, temperature and reasoning settings", async (format) => {
    const server = await startLoopback({ format, turns: [{ calls: [{ name: "end_task", args: {} }] }] });
    servers.push(server);
    const provider = await createRemoteProvider(specFor(format, server), { env: ENV, baseUrls: { [format]: server.baseUrl }, settings: { ...FAST, ...settings } });
    await runEpisodeWith(provider, { tag: 1 });
    expectations[format](server.requests[0]!.body);
  });

  it("refuses to start a hosted model without its key, naming the variable", async () => {
    await expect(createRemoteProvider({ provider: "google", model: "gemini-3-flash" }, { env: {} })).rejects.toThrow(
      /google:gemini-3-flash needs an API key: set GOOGLE_GENERATIVE_AI_API_KEY or GEMINI_API_KEY/,
    );
  });
});

describe("reliability limits", () => {
  it("gives up with RetryableModelError when a server keeps failing", async () => {
    const { server, provider, stats } = await setup("openai-compatible", { fault: () => ({ type: "status", status: 503 }) });
    const error = await runEpisodeWith(provider, { tag: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableModelError);
    expect((error as Error).message).toMatch(/503.*gave up after 5 attempts/);
    expect(server.requests).toHaveLength(5);
    expect(stats.retries).toBe(4);
  });

  it("honours a whole-second Retry-After before retrying", async () => {
    const { server, provider } = await setup("anthropic", {
      fault: (info) => (info.attempt === 1 ? { type: "status", status: 429, headers: { "retry-after": "1" } } : null),
      turns: [{ calls: [{ name: "end_task", args: {} }] }],
    });
    const started = performance.now();
    await runEpisodeWith(provider, { tag: 1 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(server.requests).toHaveLength(2);
  });

  it("keeps at most the configured number of requests in flight", async () => {
    const server = await startLoopback({ format: "openai-compatible", turns: [{ calls: [{ name: "end_task", args: {} }] }], latencyMs: 30 });
    servers.push(server);
    const provider = await createRemoteProvider(specFor("openai-compatible", server), { env: {}, settings: FAST, gate: new ProviderGate(3) });
    await Promise.all(Array.from({ length: 10 }, (_, tag) => runEpisodeWith(provider, { tag })));
    expect(server.requests).toHaveLength(10);
    expect(server.peakInFlight).toBe(3);
  });
});

describe("response cache", () => {
  it("answers a re-run from the cache and keeps epochs independent, without the key on disk", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pg-cache-"));
    const cache = new ResponseCache(join(dir, "cache.sqlite"));
    const { server, provider, stats } = await setup("openai", { cache });
    const first = await runEpisodeWith(provider, { tag: 1, epoch: 0 });
    expect(server.requests).toHaveLength(5);
    const again = await runEpisodeWith(provider, { tag: 1, epoch: 0 });
    expect(server.requests).toHaveLength(5);
    expect(again.turns).toEqual(first.turns);
    expect(stats.cachedCalls).toBe(5);
    expect(stats.billedTokens.input).toBe(first.turns.reduce((n, t) => n + t.usage.inputTokens, 0));
    await runEpisodeWith(provider, { tag: 1, epoch: 1 });
    expect(server.requests).toHaveLength(10);
    cache.close();
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file)).toString("latin1");
      expect(bytes).not.toContain(FAKE_KEY);
      expect(bytes).not.toContain(FAKE_KEY.slice(3, 15));
    }
  });
});
