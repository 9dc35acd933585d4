import { closeProviders, runStudy, type PreparedStudy, type RunStudyResult, type TrialLabeller } from "../study/index.js";
import { say, type CliContext } from "./context.js";
import type { StudyMeters } from "./meters.js";
import { createProgressReporter, dollars } from "./progress.js";

export interface ExecuteOptions {
  concurrency: number;
  trialDelayMs?: number;
  /** Wall-clock limit of one trial (none by default). */
  trialTimeoutMs?: number | null;
  /** Tokens, retries, cost and budget of hosted and local models; shown in the progress and after the run. */
  meters?: StudyMeters;
  /** Period of plain progress lines when stderr is not a terminal. */
  progressIntervalMs?: number;
  /** Labels each finished episode (rules alone when absent). */
  labeller?: TrialLabeller;
}

export interface ExecuteResult extends RunStudyResult {
  /** The run stopped because --max-cost was reached (not because of Ctrl-C). */
  budgetReached: boolean;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/**
 * Runs a prepared study with progress on stderr. The first Ctrl-C stops new trials and lets
 * running ones finish and be written; a second one abandons them (they are re-run on resume).
 * Reaching the budget of `meters` stops new trials the same way.
 */
export async function executeStudy(ctx: CliContext, prepared: PreparedStudy, options: ExecuteOptions): Promise<ExecuteResult> {
  const stop = new AbortController();
  const abort = new AbortController();
  const onSigint = () => {
    if (!stop.signal.aborted) {
      say(ctx.io.stderr, "\ninterrupted: finishing the trials already running (Ctrl-C again to abandon them)...");
      stop.abort();
    } else abort.abort();
  };
  if (ctx.handleSignals) process.on("SIGINT", onSigint);
  const { store } = prepared;
  const meters = options.meters;
  const progress = createProgressReporter(ctx.io.stderr, options.progressIntervalMs, meters ? { stats: meters.stats, cost: meters.cost } : {});
  try {
    const result = await runStudy({
      store,
      study: prepared.name,
      plan: prepared.plan,
      trials: prepared.trials,
      providers: prepared.providers,
      concurrency: options.concurrency,
      stop: meters ? AbortSignal.any([stop.signal, meters.cost.budgetSignal]) : stop.signal,
      abort: abort.signal,
      trialTimeoutMs: options.trialTimeoutMs ?? null,
      onProgress: (state) => progress.update(state),
      ...(options.labeller ? { labeller: options.labeller } : {}),
      ...(options.trialDelayMs ? { trialDelayMs: options.trialDelayMs } : {}),
    });
    progress.finish();
    const budgetReached = result.interrupted && !stop.signal.aborted && meters?.cost.budgetReached === true;
    await store.setStudyStatus(prepared.name, result.interrupted ? "interrupted" : "complete");
    if (meters) {
      const { stats, cost } = meters;
      const cached = stats.cachedCalls > 0 ? ` (${count(stats.cachedCalls)} answered from the cache)` : "";
      say(
        ctx.io.stderr,
        `model calls: ${count(stats.calls)}${cached}, ${count(stats.retries)} retries; tokens: ${count(stats.tokens.input)} in, ` +
          `${count(stats.tokens.output)} out (${count(stats.tokens.reasoning)} reasoning); cost ${dollars(cost.costUsd)} at the prices in ${meters.pricesFile}`,
      );
      for (const warning of meters.warningMessages) say(ctx.io.stderr, `note: ${warning}`);
    }
    if (budgetReached && meters?.cost.maxCostUsd != null) {
      say(
        ctx.io.stderr,
        `budget of ${dollars(meters.cost.maxCostUsd)} reached (${dollars(meters.cost.costUsd)} spent): study ${prepared.name} stopped after ${result.ran} trials; ` +
          `run with --resume --study ${prepared.name} (and a new --max-cost) to complete it`,
      );
    } else if (result.interrupted) {
      say(ctx.io.stderr, `study ${prepared.name} stopped after ${result.ran} trials; run the same command with --resume --study ${prepared.name} to complete it`);
    } else if (result.errors > 0) {
      say(ctx.io.stderr, `${result.errors} trials ended in an error; --resume --study ${prepared.name} runs them again`);
    }
    return { ...result, budgetReached };
  } finally {
    if (ctx.handleSignals) process.off("SIGINT", onSigint);
    await closeProviders(prepared.providers);
  }
}
