/**
 * Throughput of the study harness with the reference policies, per surface, and the harness's
 * overhead over running the same shell commands in just-bash directly.
 *
 *   npx tsx bench/trials.ts [--sample N] [--concurrency N] [--runs N] [--source | --dist DIR] [--no-build]
 *
 * By default it builds dist/ (`tsc -p tsconfig.json` + the data files) and measures the compiled modules, which is
 * what `peerguard` runs; `--source` measures src/ as tsx loads it, `--dist DIR` another build (say,
 * one of an earlier commit, to compare back to back).
 *
 * Prints one JSON object: per surface, trials/s (median and best of the runs), CPU time per trial
 * and peak memory; for the shell surface, the ratio of harness time (build, surface, agent loop,
 * detection, store write) to the bare cost of the same commands in fresh just-bash shells holding
 * the same files, configured as the shell surface configures them (and, for reference, with
 * just-bash's default settings). Wall-clock figures swing on a loaded machine; CPU figures less so.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Bash, defineCommand, type BashOptions, type IFileSystem } from "just-bash";
import type { ModelProvider } from "../src/models/types.js";
import type { TrialRecord } from "../src/study/index.js";
import type { World } from "../src/world/index.js";

const { values } = parseArgs({
  options: {
    sample: { type: "string", default: "20" },
    concurrency: { type: "string", default: "4" },
    runs: { type: "string", default: "3" },
    source: { type: "boolean", default: false },
    dist: { type: "string" },
    "no-build": { type: "boolean", default: false },
  },
});
const sample = Number(values.sample);
const concurrency = Number(values.concurrency);
const runs = Math.max(1, Number(values.runs));
const MODELS = ["policy:faithful", "policy:preserve"];
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Modules {
  models: typeof import("../src/models/index.js");
  scenarios: typeof import("../src/scenarios/index.js");
  conditions: typeof import("../src/scenarios/conditions.js");
  study: typeof import("../src/study/index.js");
}

/** The build to measure: tsc's output unless --source, built first unless --dist or --no-build. */
function codeRoot(): { root: string; code: string } {
  if (values.source) return { root: join(REPO, "src"), code: "src (tsx)" };
  if (values.dist) return { root: resolve(values.dist), code: `dist ${resolve(values.dist)}` };
  const root = join(REPO, "dist");
  if (!values["no-build"]) {
    // tsc's report goes to stderr, so stdout stays one JSON object
    const tsc = spawnSync(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: REPO, stdio: ["ignore", 2, 2] });
    if (tsc.status !== 0) console.error("bench: tsc reported errors; measuring what it emitted");
    spawnSync(process.execPath, [join(REPO, "scripts", "copy-assets.mjs")], { cwd: REPO, stdio: ["ignore", 2, 2] });
  }
  if (!existsSync(join(root, "study", "index.js"))) throw new Error(`no build in ${root}; run npm run build`);
  return { root, code: "dist" };
}

async function load(root: string): Promise<Modules> {
  const at = (path: string): string => pathToFileURL(join(root, path)).href;
  return {
    models: (await import(at("models/index.js"))) as Modules["models"],
    scenarios: (await import(at("scenarios/index.js"))) as Modules["scenarios"],
    conditions: (await import(at("scenarios/conditions.js"))) as Modules["conditions"],
    study: (await import(at("study/index.js"))) as Modules["study"],
  };
}

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

function cpuMs(since?: NodeJS.CpuUsage): number {
  const usage = process.cpuUsage(since);
  return (usage.user + usage.system) / 1000;
}

function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface SurfaceRun {
  seconds: number;
  cpuMs: number;
  trials: number;
  errors: number;
  peakRssMB: number;
  peakHeapMB: number;
  records: TrialRecord[];
  date: string;
}

async function runSurface(code: Modules, surface: "tools" | "shell", providers: Map<string, ModelProvider>, dir: string, seed: number): Promise<SurfaceRun> {
  const { Store, expandPlan, runStudy, validatePlan } = code.study;
  const plan = validatePlan({ scenarios: [...code.conditions.SCENARIO_IDS], conditions: { surface: [surface] }, models: MODELS, epochs: 1, seed, sample });
  const trials = expandPlan(plan);
  const store = await Store.open(join(mkdtempSync(join(dir, `${surface}-`)), "bench.sqlite"));
  await store.createStudy({ name: surface, plan });
  global.gc?.();
  const memory = memorySampler();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await runStudy({ store, study: surface, plan, trials, providers, concurrency });
  const seconds = (performance.now() - started) / 1000;
  const cpuSpent = cpuMs(cpu);
  const peaks = memory.stop();
  const records: TrialRecord[] = [];
  for await (const record of store.iterateTrials(surface)) records.push(record);
  await store.close();
  return { seconds, cpuMs: cpuSpent, trials: trials.length, errors: result.errors, ...peaks, records, date: plan.date };
}

/** A plain just-bash shell per host of the world, with the same files; ssh and scp just route between them. */
function bareShells(world: World, workstation: string, home: string, settings: Partial<BashOptions>): Bash {
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
    const bash = new Bash({ ...settings, files: filesOf(host.name), cwd: host.name === workstation ? home : "/", customCommands: [ssh, scp, shutdown] });
    shells.set(host.name, bash);
    if (host.ip) shells.set(host.ip, bash);
  }
  return shells.get(workstation)!;
}

interface BareCost {
  wallMs: number;
  cpuMs: number;
  commandsMs: number;
  commands: number;
}

/** What a trial's bash commands cost in plain just-bash shells, shell setup included (and reported apart). */
async function bareCost(code: Modules, record: TrialRecord, date: string, settings: Partial<BashOptions>): Promise<BareCost> {
  const commands = record.transcript.events.flatMap((event) =>
    event.type === "tool" && event.toolName === "bash" && typeof (event.args as { command?: unknown }).command === "string"
      ? [(event.args as { command: string }).command]
      : [],
  );
  const instance = code.scenarios.buildScenario(record.scenario, record.condition, { family: "Atlas", date, trialKey: record.id });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const shell = bareShells(instance.world, instance.facts.workstation, `/home/${instance.facts.agentId}`, settings);
  const setupDone = performance.now();
  for (const command of commands) await shell.exec(command);
  const ended = performance.now();
  return { wallMs: ended - started, cpuMs: cpuMs(cpu), commandsMs: ended - setupDone, commands: commands.length };
}

async function bareTotals(code: Modules, records: TrialRecord[], date: string, settings: Partial<BashOptions>): Promise<BareCost> {
  const total: BareCost = { wallMs: 0, cpuMs: 0, commandsMs: 0, commands: 0 };
  for (const record of records) {
    const cost = await bareCost(code, record, date, settings);
    total.wallMs += cost.wallMs;
    total.cpuMs += cost.cpuMs;
    total.commandsMs += cost.commandsMs;
    total.commands += cost.commands;
  }
  return total;
}

const { root, code: measured } = codeRoot();
const code = await load(root);
const dir = mkdtempSync(join(tmpdir(), "peerguard-bench-"));
try {
  const providers = new Map<string, ModelProvider>();
  for (const model of MODELS) providers.set(model, await code.models.createProvider(model));
  // warm-up: load and JIT every module once
  await runSurface(code, "shell", providers, dir, 1);
  await runSurface(code, "tools", providers, dir, 1);

  const surfaces = [];
  let shellOverhead: Record<string, number> = {};
  for (const surface of ["tools", "shell"] as const) {
    const measuredRuns: SurfaceRun[] = [];
    for (let run = 0; run < runs; run++) measuredRuns.push(await runSurface(code, surface, providers, dir, 1));
    const rates = measuredRuns.map((run) => run.trials / run.seconds);
    const typical = measuredRuns.find((run) => run.trials / run.seconds === median(rates)) ?? measuredRuns[0]!;
    surfaces.push({
      surface,
      trials: typical.trials,
      runs,
      errors: Math.max(...measuredRuns.map((run) => run.errors)),
      seconds: round(typical.seconds),
      trialsPerSecond: round(median(rates)),
      bestTrialsPerSecond: round(Math.max(...rates)),
      cpuMsPerTrial: round(median(measuredRuns.map((run) => run.cpuMs / run.trials)), 3),
      peakRssMB: Math.max(...measuredRuns.map((run) => run.peakRssMB)),
      peakHeapMB: Math.max(...measuredRuns.map((run) => run.peakHeapMB)),
    });
    if (surface === "shell") {
      // The shell surface runs just-bash with defenseInDepth off; the bare shells do the same.
      const same = await bareTotals(code, typical.records, typical.date, { defenseInDepth: false });
      const defaults = await bareTotals(code, typical.records, typical.date, {});
      const harnessMs = typical.seconds * 1000;
      shellOverhead = {
        harnessMs: round(harnessMs),
        harnessCpuMs: round(typical.cpuMs),
        commands: same.commands,
        bareMs: round(same.wallMs),
        bareCpuMs: round(same.cpuMs),
        bareCommandsOnlyMs: round(same.commandsMs),
        harnessToBare: round(harnessMs / same.wallMs),
        harnessToBareCpu: round(typical.cpuMs / same.cpuMs),
        harnessToBareCommandsOnly: round(harnessMs / same.commandsMs),
        bareDefaultsMs: round(defaults.wallMs),
        harnessToBareDefaults: round(harnessMs / defaults.wallMs),
      };
    }
  }
  console.log(JSON.stringify({ node: process.version, code: measured, concurrency, models: MODELS, surfaces, shellOverhead }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
