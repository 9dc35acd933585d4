/**
 * Throughput of the hosted-provider path: 1,000 trials at concurrency 100 against a loopback
 * OpenAI-compatible server that answers every call after 200 ms. Each trial is a real scenario on
 * the tools surface, driven for three model calls; the server runs in a child process. Prints JSON: wall time against the ideal
 * (trials x calls x 200 ms / concurrency), and memory per in-flight trial.
 *
 *   npx tsx bench/providers.bench.ts [trials] [concurrency]
 */
import { fork } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import { createRemoteProvider } from "../src/models/providers/index.js";
import { ProviderGate, ProviderStats } from "../src/models/reliability/index.js";
import { runEpisodeWith } from "../test/providers-harness.js";
import { startLoopback, type ScriptedTurn } from "../test/providers-loopback.js";

const TRIALS = Number(process.argv[2] ?? 1000);
const CONCURRENCY = Number(process.argv[3] ?? 100);
const LATENCY_MS = 200;
const TURNS: ScriptedTurn[] = [
  { calls: [{ name: "list_files", args: {} }] },
  { calls: [{ name: "read_file", args: { filename: "product_operations_policy.txt" } }] },
  { text: "Done.", calls: [{ name: "end_task", args: {} }] },
];

// The model server runs in its own process, as a real API would, so the figures are the client's.
if (process.argv[2] === "serve") {
  const server = await startLoopback({ format: "openai-compatible", turns: TURNS, latencyMs: LATENCY_MS });
  process.send?.({ baseUrl: server.baseUrl });
  process.on("message", async () => {
    process.send?.({ peakInFlight: server.peakInFlight });
        process.exit(0);
  });
  await new Promise(() => {});
}

const child = fork(fileURLToPath(import.meta.url), ["serve"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
const nextMessage = () => new Promise<Record<string, unknown>>((resolve) => child.once("message", (m) => resolve(m as Record<string, unknown>)));
const { baseUrl } = (await nextMessage()) as { baseUrl: string };
const server = {
  baseUrl,
  async close(): Promise<number> {
    const reply = nextMessage();
    child.send("close");
    return (await reply).peakInFlight as number;
  },
};
const stats = new ProviderStats();
const provider = await createRemoteProvider(
  { provider: "openai-compatible", model: "bench-model", baseUrl: server.baseUrl },
  { env: {}, gate: new ProviderGate(CONCURRENCY), onEvent: stats.listener, settings: { concurrency: CONCURRENCY } },
);

// Warm up module loading and connections so the timing measures steady state.
await Promise.all(Array.from({ length: 10 }, (_, i) => runEpisodeWith(provider, { tag: 100_000 + i })));
global.gc?.();
const baseline = process.memoryUsage();
let peakHeap = baseline.heapUsed;
let peakRss = baseline.rss;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
}, 20);

const limit = pLimit(CONCURRENCY);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const episodes = await Promise.all(Array.from({ length: TRIALS }, (_, tag) => limit(() => runEpisodeWith(provider, { tag }))));
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);

const calls = TURNS.length;
const idealMs = (Math.ceil(TRIALS / CONCURRENCY) * calls * LATENCY_MS);
console.log(
  JSON.stringify(
    {
      bench: "hosted provider throughput (loopback, openai-compatible)",
      trials: TRIALS,
      concurrency: CONCURRENCY,
      callsPerTrial: calls,
      serverLatencyMs: LATENCY_MS,
      completed: episodes.filter((e) => e.ended).length,
      wallMs: Math.round(wallMs),
      idealMs,
      ratioToIdeal: Number((wallMs / idealMs).toFixed(3)),
      target: 1.15,
      trialsPerSecond: Number(((TRIALS / wallMs) * 1000).toFixed(1)),
      retries: stats.retries,
      // CPU of the client process per model call (agent loop, scenario, provider, HTTP).
      cpuMsPerCall: Number(((cpu.user + cpu.system) / 1000 / (TRIALS * calls)).toFixed(2)),
      cores: availableParallelism(),
      loadAverage1m: Number(loadavg()[0]!.toFixed(1)),
      serverPeakInFlight: await server.close(),
      memoryPerInFlightTrialKiB: {
        heap: Math.round((peakHeap - baseline.heapUsed) / CONCURRENCY / 1024),
        rss: Math.round((peakRss - baseline.rss) / CONCURRENCY / 1024),
      },
    },
    null,
    2,
  ),
);
