import { renameSync, rmSync, createWriteStream } from "node:fs";
import { resolve } from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { Option, type Command } from "commander";
import { UserError } from "../../study/index.js";
import { openExistingStore, say, type CliContext, type OutputStream } from "../context.js";
import { STORE_OPTION_HELP } from "./options.js";

/** Writes a line, waiting for a real stream to drain so a large export does not pile up in memory. */
async function writeLine(stream: OutputStream | NodeJS.WritableStream, line: string): Promise<void> {
  if (stream.write(`${line}\n`) === false && "once" in stream) await once(stream, "drain");
}

interface ExportOptions {
  format: "jsonl";
  output?: string;
  store?: string;
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command("export")
    .description("write every trial of a study, with its transcript and world diff")
    .argument("<study>", "study name")
    .addOption(new Option("--format <format>", "output format").choices(["jsonl"]).default("jsonl"))
    .option("-o, --output <file>", "write to this file instead of stdout")
    .option("--store <path>", STORE_OPTION_HELP)
    .action(async (name: string, options: ExportOptions) => {
      const store = await openExistingStore(ctx, options.store);
      try {
        if (!(await store.getStudy(name))) throw new UserError(`no study named "${name}" in ${store.path}`);
        if (options.output === undefined) {
          for await (const trial of store.iterateTrials(name)) await writeLine(ctx.io.stdout, JSON.stringify(trial));
          return;
        }
        // Written beside the target and renamed at the end, so a failed export leaves no partial file.
        const target = resolve(ctx.cwd, options.output);
        const partial = `${target}.partial`;
        const file = createWriteStream(partial);
        let count = 0;
        try {
          for await (const trial of store.iterateTrials(name)) {
            await writeLine(file, JSON.stringify(trial));
            count++;
          }
          file.end();
          await finished(file);
          renameSync(partial, target);
        } catch (error) {
          file.destroy();
          rmSync(partial, { force: true });
          throw error;
        }
        say(ctx.io.stderr, `wrote ${count} trials to ${target}`);
      } finally {
        await store.close();
      }
    });
}
