/**
 * A whole study through the real runner, store and agent loop, with the model behind an
 * OpenAI-compatible loopback server that fails in every way a rate-limited API does.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ResponseCache } from "../src/models/cache/index.js";
import { CostMeter, loadPriceTable } from "../src/models/pricing/index.js";
import { createRemoteProvider } from "../src/models/providers/index.js";
import { ProviderGate, ProviderStats, type ProviderEvent } from "../src/models/reliability/index.js";
import { parseModelSpec } from "../src/models/spec.js";
import { Store, expandPlan, runStudy, validatePlan } from "../src/study/index.js";
import { createProgressReporter } from "../src/cli/progress.js";
import { READ_AND_REPORT_TURNS, startLoopback, type Fault, type LoopbackServer, type RequestInfo } from "./providers-loopback.js";

const FAKE_KEY = "sk-FAKEKEY-9b2e61c4d07a58f3e1aa";

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function sink() {
  const chunks: string[] = [];
  const stream = { write: (text: string) => chunks.push(text), isTTY: false };
  return { stream, text: () => chunks.join("") };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe("a study against a flaky provider", () => {
  it("completes every trial once, resumes only the failed ones, and leaves the key nowhere", async () => {
    let count = 0;
    let outage = false;
    const fault = (info: RequestInfo): Fault | null => {
      count += 1;
      if (outage) return { type: "status", status: 503, body: JSON.stringify({ error: { message: `overloaded (key ${FAKE_KEY})` } }) };
      // Faults hit first attempts only: which request draws which count depends on timing, and a
      // request drawing four faulty counts in a row would exhaust its attempts.
      if (info.attempt > 1 && info.step <= 3) return null;
      if (count % 9 === 2) return { type: "status", status: 429, headers: { "retry-after-ms": "20" } };
      if (count % 9 === 4) return { type: "status", status: 500 };
      if (count % 9 === 6) return { type: "truncate" };
      if (count % 9 === 8) return { type: "drop" };
      if (count === 13) return { type: "hang" };
      return info.step > 3 ? { type: "status", status: 400 } : null;
    };
    const server = await startLoopback({ format: "openai-compatible", turns: READ_AND_REPORT_TURNS, fault });
    servers.push(server);

    const dir = mkdtempSync(join(tmpdir(), "pg-study-"));
    const model = `openai-compatible:qwen3-32b@${server.baseUrl}`;
    const plan = validatePlan({
      scenarios: ["evaluation"],
      conditions: { surface: ["tools"], subject: ["peer"], relationship: ["good", "bad"], instantiation: ["file"], dataset: ["factual"], threshold: [80] },
      models: [model],
      epochs: 3,
      seed: 7,
    });
    const trials = expandPlan(plan);
    expect(trials.length).toBe(6);
    const pricesFile = join(dir, "prices.yaml");
    writeFileSync(pricesFile, 'models:\n  "openai-compatible:qwen3*": { input: 0.5, output: 1.5 }\n');

    const store = await Store.open(join(dir, "study.sqlite"));
    await store.createStudy({ name: "flaky", plan });
    const cache = new ResponseCache(join(dir, "cache.sqlite"));
    const stats = new ProviderStats();
    const cost = new CostMeter(loadPriceTable(pricesFile), 100);
    const events: ProviderEvent[] = [];
    const progressOut = sink();

    const runOnce = async () => {
      const provider = await createRemoteProvider(parseModelSpec(model) as Parameters<typeof createRemoteProvider>[0], {
        env: { OPENAI_COMPATIBLE_API_KEY: FAKE_KEY },
        settings: { requestTimeoutMs: 1_500, backoff: { baseDelayMs: 5, maxDelayMs: 40, maxAttempts: 4 } },
        gate: new ProviderGate(4),
        cache,
        onEvent: (event) => {
          events.push(event);
          stats.add(event);
          cost.listener(event);
        },
      });
      const progress = createProgressReporter(progressOut.stream, 60_000, { stats, cost });
      const result = await runStudy({
        store,
        study: "flaky",
        plan,
        trials,
        providers: new Map([[model, provider]]),
        concurrency: 4,
        stop: cost.budgetSignal,
        onProgress: (p) => progress.update(p),
      });
      progress.finish();
      return result;
    };

    // First run: the API goes down part-way, so some trials end as errors.
    const first = runOnce();
    await new Promise((r) => setTimeout(r, 0));
    const watcher = setInterval(() => {
      if (server.requests.length >= 20) outage = true;
    }, 1);
    const firstResult = await first;
    clearInterval(watcher);
    const afterFirst = await store.trialStatuses("flaky");
    const failed = [...afterFirst].filter(([, s]) => s === "error").map(([id]) => id);
    expect(afterFirst.size).toBe(6);
    expect(failed.length).toBeGreaterThan(0);
    expect(firstResult.errors).toBe(failed.length);

    // Resume: only the errored trials run again; finished ones are neither re-run nor re-paid.
    outage = false;
    const answeredBefore = [...server.answered.values()].reduce((a, b) => a + b, 0);
    const second = await runOnce();
    expect(second.ran).toBe(failed.length);
    expect(second.finished).toBe(true);
    const statuses = await store.trialStatuses("flaky");
    expect([...statuses.values()].every((s) => s !== "error")).toBe(true);

    // Every answer the server gave was used by a stored trial or came back from the cache.
    let turns = 0;
    for await (const record of store.iterateTrials("flaky")) {
      turns += record.transcript.events.filter((e) => e.type === "assistant").length;
      expect(record.transcript.events.some((e) => e.type === "end" && e.reason === "end_task")).toBe(true);
      expect(record.usage.inputTokens).toBeGreaterThan(0);
    }
    const answered = [...server.answered.values()].reduce((a, b) => a + b, 0);
    expect(answered).toBeLessThanOrEqual(turns);
    expect(answered - answeredBefore).toBeLessThanOrEqual(failed.length * READ_AND_REPORT_TURNS.length);
    expect(stats.retries).toBeGreaterThanOrEqual(5);
    expect(stats.rateLimited).toBeGreaterThanOrEqual(1);
    expect(cost.costUsd).toBeGreaterThan(0);
    expect(progressOut.text()).toMatch(/trials 6\/6 .* errors \d+  retries \d+  tokens \d+  cost \$0\.\d{4}/);

    await store.close();
    cache.close();
    // The key reached the server on every request, and nowhere else.
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${FAKE_KEY}`)).toBe(true);
    const fragment = FAKE_KEY.slice(3, 17);
    for (const file of filesUnder(dir)) {
      const bytes = readFileSync(file).toString("latin1");
      expect(bytes.includes(FAKE_KEY) || bytes.includes(fragment), file).toBe(false);
    }
    const texts = [progressOut.text(), JSON.stringify(events)];
    for (const text of texts) expect(text.includes(FAKE_KEY) || text.includes(fragment)).toBe(false);
  });

  it("stops cleanly at the --max-cost budget and finishes on a later run", async () => {
    const server = await startLoopback({ format: "openai-compatible", turns: READ_AND_REPORT_TURNS, latencyMs: 5 });
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), "pg-budget-"));
    const model = `openai-compatible:qwen3-32b@${server.baseUrl}`;
    const plan = validatePlan({
      scenarios: ["evaluation"],
      conditions: { surface: ["tools"], subject: ["peer"], relationship: ["good"], instantiation: ["file"], dataset: ["factual"], threshold: [80] },
      models: [model],
      epochs: 8,
      seed: 3,
    });
    const trials = expandPlan(plan);
    const table = { currency: "USD" as const, per: 1_000_000, models: { "openai-compatible:*": { input: 1, output: 1 } } };
    const store = await Store.open(join(dir, "study.sqlite"));
    await store.createStudy({ name: "budget", plan });
    const run = async (budget: number) => {
      const cost = new CostMeter(table, budget);
      const provider = await createRemoteProvider(parseModelSpec(model) as Parameters<typeof createRemoteProvider>[0], {
        env: {},
        gate: new ProviderGate(2),
        onEvent: cost.listener,
      });
      const result = await runStudy({ store, study: "budget", plan, trials, providers: new Map([[model, provider]]), concurrency: 2, stop: cost.budgetSignal });
      return { result, cost };
    };
    // Each trial costs 4 calls x (a few hundred tokens) at $1/M: about $0.001.
    const first = await run(0.002);
    expect(first.cost.budgetReached).toBe(true);
    expect(first.result.interrupted).toBe(true);
    const stored = await store.trialStatuses("budget");
    expect(stored.size).toBeGreaterThan(0);
    expect(stored.size).toBeLessThan(trials.length);
    expect([...stored.values()].every((s) => s === "ok" || s === "incomplete")).toBe(true);
    const second = await run(100);
    expect(second.result.finished).toBe(true);
    expect(second.result.ran).toBe(trials.length - stored.size);
    await store.close();
  });
});
