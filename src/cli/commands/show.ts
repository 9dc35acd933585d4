import type { Command } from "commander";
import { UserError } from "../../study/index.js";
import { openExistingStore, say, type CliContext } from "../context.js";
import { studySummary } from "../summary.js";
import { renderTable } from "../table.js";
import { STORE_OPTION_HELP } from "./options.js";

export function registerShow(program: Command, ctx: CliContext): void {
  program
    .command("show")
    .description("print a study's summary (without a name: list the studies in the store)")
    .argument("[study]", "study name")
    .option("--store <path>", STORE_OPTION_HELP)
    .action(async (name: string | undefined, options: { store?: string }) => {
      const store = await openExistingStore(ctx, options.store);
      try {
        if (name === undefined) {
          const rows = [];
          for (const study of await store.listStudies()) {
            const counts = await store.counts(study.name);
            rows.push([study.name, study.status, String(counts.total), String(counts.error), study.plan.models.join(" "), study.createdAt]);
          }
          say(ctx.io.stdout, rows.length > 0 ? renderTable(["study", "status", "trials", "errors", "models", "created"], rows) : "no studies yet");
          return;
        }
        const summary = await studySummary(store, name);
        if (summary === null) {
          const known = (await store.listStudies()).map((study) => study.name);
          throw new UserError(`no study named "${name}" in ${store.path}${known.length > 0 ? `; studies: ${known.join(", ")}` : ""}`);
        }
        say(ctx.io.stdout, summary);
      } finally {
        await store.close();
      }
    });
}
