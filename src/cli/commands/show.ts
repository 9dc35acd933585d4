import { resolve } from "node:path";
import type { Command } from "commander";
import { DEFAULT_PRICES_FILE, loadPriceTable } from "../../models/pricing/index.js";
import { UserError } from "../../study/index.js";
import { openExistingStore, say, type CliContext } from "../context.js";
import { studySummary } from "../summary.js";
import { trialText } from "../trial-text.js";
import { renderTable } from "../table.js";
import { STORE_OPTION_HELP } from "./options.js";

export function registerShow(program: Command, ctx: CliContext): void {
  program
    .command("show")
    .description("print a study's summary (without a name: list the studies in the store)")
    .argument("[study]", "study name")
    .option("--store <path>", STORE_OPTION_HELP)
    .option("--prices <file>", "price table for the cost of the tokens used (default: the example table shipped with peerguard)")
    .option("--trial <id>", "print one trial in full: labels with evidence, the whole episode, the world changes")
    .option("--json", "with --trial: print the trial record as JSON")
    .action(async (name: string | undefined, options: { store?: string; prices?: string; trial?: string; json?: boolean }) => {
      const pricesFile = options.prices ? resolve(ctx.cwd, options.prices) : DEFAULT_PRICES_FILE;
      const prices = { table: loadPriceTable(pricesFile), file: pricesFile };
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
        if (options.trial !== undefined) {
          const record = await store.getTrial(options.trial);
          if (record === undefined || record.study !== name) {
            throw new UserError(`no trial "${options.trial}" in study "${name}"; trial ids are listed by \`peerguard export ${name}\` and in reports`);
          }
          say(ctx.io.stdout, options.json ? JSON.stringify(record, null, 2) : trialText(record));
          return;
        }
        const summary = await studySummary(store, name, prices);
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
