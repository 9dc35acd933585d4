/**
 * Throughput of the hosted-provider path: 1,000 trials at concurrency 100 against a loopback
 * OpenAI-compatible server that answers every call after 200 ms. Each trial is a real scenario on
 * the tools surface, driven for three model calls; the server runs in a child process, as a real
 * API would. Prints JSON: wall time against the ideal (trials x calls x 200 ms / concurrency),
 * memory per in-flight trial, and where the CPU went: the client process per call, split into the
 * trial harness (scenario build, surface, agent loop: measured alone with an instant in-process
 * model) and the provider path (the rest), the server process per call, and the machine's load.
 *
 *   npx tsx bench/providers.bench.ts [trials] [concurrency]
 *   BENCH_PROFILE=run.cpuprofile npx tsx bench/providers.bench.ts   # V8 profile of the timed run
 *
 * tsx only transforms modules as they load; the timed run loads none (checked with BENCH_PROFILE),
 * so the figures are those of the compiled code.
 */
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import { createRemoteProvider } from "../src/models/providers/index.js";
import { ProviderGate, ProviderStats } from "../src/models/reliability/index.js";
import type { ModelProvider, ModelTurn } from "../src/models/types.js";
import { runEpisodeWith, type Episode } from "../test/providers-harness.js";
import { startLoopback, type ScriptedTurn } from "../test/providers-loopback.js";

const TRIALS = Number(process.argv[2] ?? 1000);
const CONCURRENCY = Number(process.argv[3] ?? 100);
const LATENCY_MS = 200;
const TURNS: ScriptedTurn[] = [
  { calls: [{ name: "list_files", args: {} }] },
  { calls: [{ name: "read_file", args: { filename: "product_operations_policy.txt" } }] },
  { text: "Done.", calls: [{ name: "end_task", args: {} }] },
];

type ServerMessage = { baseUrl?: string; cpuMs?: number; peakInFlight?: number };

// The model server process: reports its address, then its CPU time and peak load when asked.
if (process.argv[2] === "serve") {
  const server = await startLoopback({ format: "openai-compatible", turns: TURNS, latencyMs: LATENCY_MS });
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  process.send?.({ baseUrl: server.baseUrl } satisfies ServerMessage);
  process.on("message", (message) => {
    process.send?.({ cpuMs: cpuMs(), peakInFlight: server.peakInFlight } satisfies ServerMessage);
    if (message === "close") setImmediate(() => process.exit(0));
  });
  await new Promise(() => {});
}

const child = fork(fileURLToPath(import.meta.url), ["serve"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
const reply = () => new Promise<ServerMessage>((resolve) => child.once("message", (m) => resolve(m as ServerMessage)));
const ask = (message: "usage" | "close") => {
  const answer = reply();
  child.send(message);
  return answer;
};
const { baseUrl } = await reply();
const loadBefore = loadavg()[0]!;

const cpuMsSince = (before: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(before);
  return (u.user + u.system) / 1000;
};
const calls = TURNS.length;
const perCall = (ms: number) => Number((ms / (TRIALS * calls)).toFixed(3));

/** The same trials against an instant in-process model with the same answers: the harness alone. */
async function harnessCpuMs(): Promise<number> {
  const turn = (step: number, tag: number): ModelTurn => {
    const scripted = TURNS[step] ?? { text: "Done." };
    return {
      text: scripted.text ?? "",
      reasoning: null,
      toolCalls: (scripted.calls ?? []).map((c, i) => ({ id: `call_${tag}_${step}_${i}`, name: c.name, args: c.args as Record<string, string> })),
      usage: { inputTokens: 40, outputTokens: 17, reasoningTokens: 5 },
      finishReason: "tool-calls",
    };
  };
  const instant: ModelProvider = {
    spec: "instant",
    family: "atlas",
    generate: async (request) => turn(request.messages.filter((m) => m.role === "tool").length, Number(request.trial.trialId.slice(6))),
  };
  await Promise.all(Array.from({ length: 20 }, (_, i) => runEpisodeWith(instant, { tag: 200_000 + i })));
  const limit = pLimit(CONCURRENCY);
  const before = process.cpuUsage();
  await Promise.all(Array.from({ length: TRIALS }, (_, tag) => limit(() => runEpisodeWith(instant, { tag: 300_000 + tag }))));
  return cpuMsSince(before);
}
const harnessMs = await harnessCpuMs();

const stats = new ProviderStats();
const provider = await createRemoteProvider(
  { provider: "openai-compatible", model: "bench-model", baseUrl: baseUrl! },
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

const session = process.env.BENCH_PROFILE ? new Session() : null;
if (session) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
}
const serverBefore = (await ask("usage")).cpuMs!;
const limit = pLimit(CONCURRENCY);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const episodes: Episode[] = await Promise.all(Array.from({ length: TRIALS }, (_, tag) => limit(() => runEpisodeWith(provider, { tag }))));
const wallMs = performance.now() - started;
const clientMs = cpuMsSince(cpuBefore);
clearInterval(sampler);
const serverAfter = await ask("close");
if (session) {
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
}

const idealMs = Math.ceil(TRIALS / CONCURRENCY) * calls * LATENCY_MS;
const serverMs = serverAfter.cpuMs! - serverBefore;
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
      cpuMsPerCall: perCall(clientMs),
      cpuMsPerCallBreakdown: {
        harness: perCall(harnessMs),
        provider: perCall(clientMs - harnessMs),
        server: perCall(serverMs),
      },
      // Share of one core the client kept busy over the run: near 1 means the client is CPU-bound.
      clientCoreUtilisation: Number((clientMs / wallMs).toFixed(2)),
      cores: availableParallelism(),
      // Load from other processes on the machine when the bench started, and at its end.
      loadAverage1m: { before: Number(loadBefore.toFixed(1)), after: Number(loadavg()[0]!.toFixed(1)) },
      serverPeakInFlight: serverAfter.peakInFlight,
      memoryPerInFlightTrialKiB: {
        heap: Math.round((peakHeap - baseline.heapUsed) / CONCURRENCY / 1024),
        rss: Math.round((peakRss - baseline.rss) / CONCURRENCY / 1024),
      },
    },
    null,
    2,
  ),
);
