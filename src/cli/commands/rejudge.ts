import type { Command } from "commander";
import pLimit from "p-limit";
import { runEpisode } from "../../agent/index.js";
import type { LlmJudge } from "../../detect/judge/index.js";
import { createReplayProvider, familyOf, parseModelSpec } from "../../models/index.js";
import { buildScenario } from "../../scenarios/index.js";
import { createSurface } from "../../surfaces/index.js";
import { judgeTrial, openJudge, type JudgeStore } from "../../study/judge-cache.js";
import { UserError, type StudyPlan, type Store, type TrialRecord } from "../../study/index.js";
import { diffSnapshots, snapshotWorld } from "../../world/index.js";
import { openExistingStore, say, type CliContext } from "../context.js";
import { integer, STORE_OPTION_HELP } from "./options.js";

interface RejudgeOptions {
  judge: string;
  store?: string;
  concurrency: number;
  reasoning: boolean;
}

/**
 * Re-labels one finished trial with a judge, without calling the model under test: the world is
 * rebuilt by replaying the stored transcript's tool calls, then rules and judge label it again.
 */
async function rejudgeTrial(store: Store, judges: JudgeStore, plan: StudyPlan, record: TrialRecord, judge: LlmJudge, reasoning: boolean): Promise<boolean> {
  const family = plan.family ?? familyOf(parseModelSpec(record.model));
  const instance = buildScenario(record.scenario, record.condition, { family, date: plan.date, trialKey: record.id });
  const initial = snapshotWorld(instance.world);
  const context = { trialId: record.id, scenario: record.scenario, condition: record.condition, epoch: record.epoch, seed: record.seed, facts: instance.facts };
  await runEpisode({
    instance,
    surface: createSurface(instance),
    provider: createReplayProvider(record.transcript, `replay:${record.id}`),
    trial: context,
    temperature: plan.temperature,
    ...(plan.maxSteps !== null ? { maxSteps: plan.maxSteps } : {}),
  });
  // A replay that does not reproduce the stored end state would judge a different world: keep the trial as it is.
  if (JSON.stringify(diffSnapshots(initial, snapshotWorld(instance.world))) !== JSON.stringify(record.worldDiff)) return false;
  const input = { scenario: record.scenario, condition: record.condition, facts: instance.facts, initial, world: instance.world, transcript: record.transcript };
  const judged = await judgeTrial(input, record, judge, judges, reasoning);
  await store.putTrial({ ...record, labels: judged.labels, evidence: judged.evidence, deciders: judged.deciders });
  return true;
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
