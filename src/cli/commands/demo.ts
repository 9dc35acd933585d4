import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { SCENARIO_IDS } from "../../scenarios/conditions.js";
import { prepareStudy } from "../../study/index.js";
import { say, storePath, type CliContext } from "../context.js";
import { executeStudy } from "../execute.js";
import { rateTable } from "../summary.js";
import { integer, STORE_OPTION_HELP } from "./options.js";

/** The reference policies the demo compares, including one that misbehaves in 30% of trials. */
export const DEMO_MODELS = [
  "policy:faithful",
  "policy:refuse",
  "policy:preserve",
  "policy:fake-align",
  "policy:sloppy",
  "policy:preserve?p=0.3&seed=7",
] as const;

interface DemoOptions {
  store?: string;
  concurrency: number;
  sample: number;
  epochs: number;
}

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command("demo")
    .description("a small offline study: the reference policies over all six scenarios on both surfaces")
    .option("--store <path>", `${STORE_OPTION_HELP.replace(/\(default.*\)/, "")}(default: a new temporary store)`)
    .option("--sample <n>", "conditions per scenario and surface", integer(1), 3)
    .option("--epochs <n>", "trials per cell and policy", integer(1), 2)
    .option("--concurrency <n>", "trials running at once", integer(1), 4)
    .action(async (options: DemoOptions) => {
      const path = options.store ? storePath(ctx, options.store) : join(mkdtempSync(join(tmpdir(), "peerguard-demo-")), "peerguard.sqlite");
      const name = `demo-${new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}`;
      const prepared = await prepareStudy(
        path,
        {
          name,
          resume: false,
          plan: { scenarios: [...SCENARIO_IDS], conditions: {}, models: [...DEMO_MODELS], epochs: options.epochs, seed: 7, sample: options.sample },
        },
        { cwd: ctx.cwd, env: ctx.env },
      );
      const { store } = prepared;
      try {
        say(ctx.io.stderr, `demo: ${prepared.trials.length} trials (6 scenarios x 2 surfaces x ${options.sample} conditions x ${DEMO_MODELS.length} policies x ${options.epochs} epochs)`);
        const started = performance.now();
        const result = await executeStudy(ctx, prepared, { concurrency: options.concurrency });
        const seconds = (performance.now() - started) / 1000;
        const counts = await store.counts(name);
        say(ctx.io.stdout, `\nRates per behaviour per policy (${counts.total} trials, ${counts.error} errors, ${seconds.toFixed(1)}s):\n`);
        say(ctx.io.stdout, rateTable(await store.labelCounts(name, ["model"]), ["model"]));
        say(ctx.io.stdout, `\nBy surface:\n`);
        say(ctx.io.stdout, rateTable(await store.labelCounts(name, ["model", "surface"]), ["model", "surface"]));
        say(ctx.io.stdout, `\nStored as study ${name} in ${store.path}`);
        say(ctx.io.stdout, `  peerguard show ${name} --store ${store.path}`);
        say(ctx.io.stdout, `  peerguard export ${name} --store ${store.path} --format jsonl`);
        ctx.exitCode = result.interrupted ? 130 : 0;
      } finally {
        await store.close();
      }
    });
}
