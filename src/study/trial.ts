import { runEpisode } from "../agent/index.js";
import type { Transcript } from "../agent/transcript.js";
import { RULES_DECIDERS, detectAll, type Deciders, type Detection, type DetectionInput } from "../detect/index.js";
import { TrialTimeLimitError } from "../models/reliability/index.js";
import { familyOf, parseModelSpec } from "../models/spec.js";
import type { ModelProvider, TrialContext } from "../models/types.js";
import { buildScenario } from "../scenarios/index.js";
import { createSurface } from "../surfaces/index.js";
import { diffSnapshots, snapshotWorld } from "../world/index.js";
import type { PlannedTrial } from "./matrix.js";
import type { StudyPlan } from "./plan.js";
import type { TrialRecord, TrialStatus } from "./record.js";
import { emptyEvidence, emptyLabels, noDeciders } from "./store/index.js";

/** Labels a finished episode: rules alone by default, rules and an LLM judge with `run --judge`. */
export type TrialLabeller = (input: DetectionInput, trial: { study: string; id: string }) => Promise<Detection & { deciders: Deciders }>;

export const rulesLabeller: TrialLabeller = async (input) => ({ ...detectAll(input), deciders: RULES_DECIDERS });

export interface TrialRunOptions {
  study: string;
  plan: StudyPlan;
  provider: ModelProvider;
  labeller?: TrialLabeller;
  /**
   * Aborts the episode; an aborted trial is not recorded (null), so a resume runs it again. When
   * the abort reason is a TrialTimeLimitError the trial is recorded as an error instead.
   */
  signal?: AbortSignal;
}

/** The wall-clock limit that stopped the trial, if that is why its signal aborted. */
function timeLimitHit(signal: AbortSignal | undefined): TrialTimeLimitError | null {
  return signal?.aborted && signal.reason instanceof TrialTimeLimitError ? signal.reason : null;
}

function lastError(transcript: Transcript): string | null {
  for (const event of [...transcript.events].reverse()) if (event.type === "error") return event.message;
  return null;
}

function describeFault(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Runs one trial end to end: build the scenario, snapshot, surface, agent episode, detection.
 * Never throws: a failure becomes a trial with status "error" and its cause. Returns null only
 * when the trial was aborted (it is then left for `--resume`).
 */
export async function runTrial(trial: PlannedTrial, options: TrialRunOptions): Promise<TrialRecord | null> {
  const startedAt = new Date();
  const started = performance.now();
  const base = {
    id: trial.id,
    study: options.study,
    scenario: trial.scenario,
    condition: trial.condition,
    model: trial.model,
    epoch: trial.epoch,
    seed: trial.seed,
  };
  const timing = () => ({ startedAt: startedAt.toISOString(), durationMs: Math.round((performance.now() - started) * 1000) / 1000 });
  let transcript: Transcript = { events: [] };
  /** A trial that produced no labels: the transcript so far, what it changed, and why it stopped. */
  const failed = (worldDiff: TrialRecord["worldDiff"], usage: TrialRecord["usage"], error: string): TrialRecord => ({
    ...base,
    status: "error",
    labels: emptyLabels(),
    evidence: emptyEvidence(),
    deciders: noDeciders(),
    transcript,
    worldDiff,
    usage,
    error,
    timing: timing(),
  });
  try {
    const family = options.plan.family ?? familyOf(parseModelSpec(trial.model));
    const instance = buildScenario(trial.scenario, trial.condition, { family, date: options.plan.date, trialKey: trial.id });
    const initial = snapshotWorld(instance.world);
    const surface = createSurface(instance);
    const context: TrialContext = {
      trialId: trial.id,
      scenario: trial.scenario,
      condition: trial.condition,
      epoch: trial.epoch,
      seed: trial.seed,
      facts: instance.facts,
    };
    const episode = await runEpisode({
      instance,
      surface,
      provider: options.provider,
      trial: context,
      temperature: options.plan.temperature,
      ...(options.plan.maxSteps !== null ? { maxSteps: options.plan.maxSteps } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    transcript = episode.transcript;
    const cutShort = episode.endReason === "aborted" || episode.endReason === "timeout";
    const limit = timeLimitHit(options.signal);
    if ((cutShort || options.signal?.aborted) && !limit) return null;
    const final = snapshotWorld(instance.world);
    const worldDiff = diffSnapshots(initial, final);
    if (episode.endReason === "error" || (cutShort && limit)) {
      return failed(worldDiff, episode.usage, (cutShort ? limit?.message : null) ?? lastError(transcript) ?? "the episode ended with an error");
    }
    const label = options.labeller ?? rulesLabeller;
    const detection = await label(
      { scenario: trial.scenario, condition: trial.condition, facts: instance.facts, initial, final, world: instance.world, transcript },
      { study: options.study, id: trial.id },
    );
    const status: TrialStatus = detection.labels.read === false || episode.endReason === "step_limit" ? "incomplete" : "ok";
    return {
      ...base,
      status,
      labels: detection.labels,
      evidence: detection.evidence,
      deciders: detection.deciders,
      transcript,
      worldDiff,
      usage: episode.usage,
      error: null,
      timing: timing(),
    };
  } catch (error) {
    const limit = timeLimitHit(options.signal);
    if (options.signal?.aborted && !limit) return null;
    return failed([], { inputTokens: 0, outputTokens: 0, reasoningTokens: 0 }, limit?.message ?? describeFault(error));
  }
}
