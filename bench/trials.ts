/**
 * Throughput of the study harness with the reference policies, per surface, and the harness's
 * overhead over running the same shell commands in just-bash directly.
 *
 *   npx tsx bench/trials.ts [--sample N] [--concurrency N]
 *
 * Prints one JSON object: trials/s and peak memory per surface, and for the shell surface the
 * ratio of harness time (build, surface, agent loop, detection, store write) to the bare cost of
 * the same commands in fresh just-bash shells holding the same files.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Bash, defineCommand, type IFileSystem } from "just-bash";
import { createProvider } from "../src/models/index.js";
import type { ModelProvider } from "../src/models/types.js";
import { SCENARIO_IDS } from "../src/scenarios/conditions.js";
import { buildScenario } from "../src/scenarios/index.js";
import { Store, expandPlan, runStudy, validatePlan, type TrialRecord } from "../src/study/index.js";
import type { World } from "../src/world/index.js";

const { values } = parseArgs({
  options: { sample: { type: "string", default: "20" }, concurrency: { type: "string", default: "4" } },
});
const sample = Number(values.sample);
const concurrency = Number(values.concurrency);
const MODELS = ["policy:faithful", "policy:preserve"];

function memorySampler() {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return { peakRssMB: Math.round(peakRss / 2 ** 20), peakHeapMB: Math.round(peakHeap / 2 ** 20) };
    },
  };
}

async function runSurface(surface: "tools" | "shell", providers: Map<string, ModelProvider>, dir: string) {
  const plan = validatePlan({ scenarios: [...SCENARIO_IDS], conditions: { surface: [surface] }, models: MODELS, epochs: 1, seed: 1, sample });
  const trials = expandPlan(plan);
  const store = await Store.open(join(dir, `${surface}.sqlite`));
  await store.createStudy({ name: surface, plan });
  global.gc?.();
  const memory = memorySampler();
  const started = performance.now();
  const result = await runStudy({ store, study: surface, plan, trials, providers, concurrency });
  const seconds = (performance.now() - started) / 1000;
  const peaks = memory.stop();
  const records: TrialRecord[] = [];
  for await (const record of store.iterateTrials(surface)) records.push(record);
  await store.close();
  return { surface, trials: trials.length, errors: result.errors, seconds: round(seconds), trialsPerSecond: round(trials.length / seconds), ...peaks, records, plan };
}

function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

/** A plain just-bash shell per host of the world, with the same files; ssh and scp just route between them. */
function bareShells(world: World, workstation: string, home: string): Bash {
  const shells = new Map<string, Bash>();
  const filesOf = (hostName: string) =>
    Object.fromEntries([...world.host(hostName).files].map(([path, file]) => [path, { content: file.content, mode: file.mode, mtime: file.mtime }]));
  const locate = (spec: string): [IFileSystem, string] => {
    const colon = spec.indexOf(":");
    if (colon < 0) return [shells.get(workstation)!.fs, spec.startsWith("/") ? spec : `${home}/${spec}`];
    return [shells.get(spec.slice(0, colon))!.fs, spec.slice(colon + 1)];
  };
  const ssh = defineCommand("ssh", async (args) => {
    const rest = args.filter((arg) => !arg.startsWith("-"));
    const remote = shells.get(rest[0] ?? "");
    if (!remote) return { stdout: "", stderr: "ssh: unknown host\n", exitCode: 255 };
    const result = await remote.exec(rest.slice(1).join(" "));
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
  });
  const scp = defineCommand("scp", async (args) => {
    const paths = args.filter((arg) => !arg.startsWith("-"));
    const [fromFs, fromPath] = locate(paths[0] ?? "");
    const [toFs, toPath] = locate(paths[1] ?? "");
    const content = await fromFs.readFileBuffer(fromPath);
    const isDir = await toFs.exists(toPath).then((exists) => exists && toFs.stat(toPath).then((stat) => stat.isDirectory));
    await toFs.writeFile(isDir ? `${toPath}/${fromPath.split("/").pop()}` : toPath, content);
    return { stdout: "", stderr: "", exitCode: 0 };
  });
  const shutdown = defineCommand("openbrain-shutdown", async () => ({ stdout: "", stderr: "", exitCode: 0 }));
  for (const host of world.hosts()) {
    const bash = new Bash({ files: filesOf(host.name), cwd: host.name === workstation ? home : "/", customCommands: [ssh, scp, shutdown] });
    shells.set(host.name, bash);
    if (host.ip) shells.set(host.ip, bash);
  }
  return shells.get(workstation)!;
}

/** Milliseconds to run a trial's bash commands in plain just-bash shells (shell setup included, and reported apart). */
async function bareCost(record: TrialRecord, date: string): Promise<{ setupMs: number; commandsMs: number; commands: number }> {
  const commands = record.transcript.events.flatMap((event) =>
    event.type === "tool" && event.toolName === "bash" && typeof (event.args as { command?: unknown }).command === "string"
      ? [(event.args as { command: string }).command]
      : [],
  );
  const instance = buildScenario(record.scenario, record.condition, { family: "Atlas", date, trialKey: record.id });
  const started = performance.now();
  const shell = bareShells(instance.world, instance.facts.workstation, `/home/${instance.facts.agentId}`);
  const setupMs = performance.now() - started;
  for (const command of commands) await shell.exec(command);
  return { setupMs, commandsMs: performance.now() - started - setupMs, commands: commands.length };
}

const dir = mkdtempSync(join(tmpdir(), "peerguard-bench-"));
try {
  const providers = new Map<string, ModelProvider>();
  for (const model of MODELS) providers.set(model, await createProvider(model));
  // warm-up: load and JIT every module once
  await runSurface("shell", providers, mkdtempSync(join(dir, "warm-")));
  await runSurface("tools", providers, mkdtempSync(join(dir, "warm-")));

  const surfaces = [];
  let ratio: Record<string, number> = {};
  for (const surface of ["tools", "shell"] as const) {
    const { records, plan, ...figures } = await runSurface(surface, providers, dir);
    surfaces.push(figures);
    if (surface === "shell") {
      let setup = 0;
      let commandsMs = 0;
      let commands = 0;
      for (const record of records) {
        const cost = await bareCost(record, plan.date);
        setup += cost.setupMs;
        commandsMs += cost.commandsMs;
        commands += cost.commands;
      }
      const harnessMs = figures.seconds * 1000;
      ratio = {
        harnessMs: round(harnessMs),
        bareMs: round(setup + commandsMs),
        bareCommandsOnlyMs: round(commandsMs),
        commands,
        harnessToBare: round(harnessMs / (setup + commandsMs)),
        harnessToBareCommandsOnly: round(harnessMs / commandsMs),
      };
    }
  }
  console.log(JSON.stringify({ node: process.version, concurrency, models: MODELS, surfaces, shellOverhead: ratio }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
