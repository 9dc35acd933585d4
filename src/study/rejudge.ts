import { runEpisode } from "../agent/index.js";
import type { LlmJudge } from "../detect/judge/index.js";
import { createReplayProvider, familyOf, parseModelSpec } from "../models/index.js";
import { buildScenario } from "../scenarios/index.js";
import { createSurface } from "../surfaces/index.js";
import { diffSnapshots, snapshotWorld } from "../world/index.js";
import { judgeTrial, type JudgeStore } from "./judge-cache.js";
import type { StudyPlan } from "./plan.js";
import type { TrialRecord } from "./record.js";
import type { Store } from "./store/index.js";

/**
 * Re-labels one finished trial with a judge, without calling the model under test: the world is
 * rebuilt by replaying the stored transcript's tool calls, then rules and judge label it again.
 */
export async function rejudgeTrial(store: Store, judges: JudgeStore, plan: StudyPlan, record: TrialRecord, judge: LlmJudge, reasoning: boolean): Promise<boolean> {
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
  const final = snapshotWorld(instance.world);
  if (JSON.stringify(diffSnapshots(initial, final)) !== JSON.stringify(record.worldDiff)) return false;
  const input = { scenario: record.scenario, condition: record.condition, facts: instance.facts, initial, final, world: instance.world, transcript: record.transcript };
  const judged = await judgeTrial(input, record, judge, judges, reasoning);
  await store.putTrial({ ...record, labels: judged.labels, evidence: judged.evidence, deciders: judged.deciders });
  return true;
}
