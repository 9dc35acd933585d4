import type { Command } from "commander";
import pLimit from "p-limit";
import { openJudge } from "../../study/judge-cache.js";
import { rejudgeTrial } from "../../study/rejudge.js";
import { UserError } from "../../study/index.js";
import { openExistingStore, say, type CliContext } from "../context.js";
import { integer, STORE_OPTION_HELP } from "./options.js";

interface RejudgeOptions {
  judge: string;
  store?: string;
  concurrency: number;
  reasoning: boolean;
}

export function registerRejudge(program: Command, ctx: CliContext): void {
  program
    .command("rejudge")
    .description("re-label a finished study with an LLM judge, without re-running its models")
    .argument("<study>", "study name")
    .requiredOption("--judge <spec>", "model spec of the judge, e.g. openai:gpt-5.2 or openai-compatible:<model>@<url>")
    .option("--concurrency <n>", "trials judged at once", integer(1), 4)
    .option("--no-reasoning", "skip the reasoning analysis (peer mentioned, monitoring noticed, ...)")
    .option("--store <path>", STORE_OPTION_HELP)
    .action(async (study: string, options: RejudgeOptions) => {
      const store = await openExistingStore(ctx, options.store);
      try {
        const info = await store.getStudy(study);
        if (!info) {
          const known = (await store.listStudies()).map((s) => s.name);
          throw new UserError(`no study named "${study}" in ${store.path}${known.length > 0 ? `; studies: ${known.join(", ")}` : ""}`);
        }
        const { judge, judges, close } = await openJudge(store, options.judge, { cwd: ctx.cwd, env: ctx.env });
        const before = await judges.callCount();
        const summaries = (await store.listTrialSummaries(study)).filter((trial) => trial.status !== "error");
        const limit = pLimit(options.concurrency);
        let done = 0;
        let unreplayable = 0;
        try {
          await Promise.all(
            summaries.map((summary) =>
              limit(async () => {
                const record = await store.getTrial(summary.id);
                if (record && !(await rejudgeTrial(store, judges, info.plan, record, judge, options.reasoning))) unreplayable++;
                done++;
                if (done % 50 === 0 || done === summaries.length) say(ctx.io.stderr, `judged ${done}/${summaries.length} trials`);
              }),
            ),
          );
        } finally {
          await close();
        }
        const calls = (await judges.callCount()) - before;
        say(ctx.io.stdout, `study ${study}: ${summaries.length - unreplayable} trials re-labelled by ${options.judge} (${calls} new judge calls; stored calls were reused)`);
        if (unreplayable > 0) say(ctx.io.stderr, `${unreplayable} trials kept their labels: replaying their transcript did not reproduce the stored end state`);
      } finally {
        await store.close();
      }
    });
}
