import { closeProviders, runStudy, type PreparedStudy, type RunStudyResult } from "../study/index.js";
import { say, type CliContext } from "./context.js";
import { createProgressReporter } from "./progress.js";

export interface ExecuteOptions {
  concurrency: number;
  trialDelayMs?: number;
}

/**
 * Runs a prepared study with progress on stderr. The first Ctrl-C stops new trials and lets
 * running ones finish and be written; a second one abandons them (they are re-run on resume).
 */
export async function executeStudy(ctx: CliContext, prepared: PreparedStudy, options: ExecuteOptions): Promise<RunStudyResult> {
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
  const progress = createProgressReporter(ctx.io.stderr);
  try {
    const result = await runStudy({
      store,
      study: prepared.name,
      plan: prepared.plan,
      trials: prepared.trials,
      providers: prepared.providers,
      concurrency: options.concurrency,
      stop: stop.signal,
      abort: abort.signal,
      onProgress: (state) => progress.update(state),
      ...(options.trialDelayMs ? { trialDelayMs: options.trialDelayMs } : {}),
    });
    progress.finish();
    await store.setStudyStatus(prepared.name, result.interrupted ? "interrupted" : "complete");
    if (result.interrupted) {
      say(ctx.io.stderr, `study ${prepared.name} stopped after ${result.ran} trials; run the same command with --resume --study ${prepared.name} to complete it`);
    } else if (result.errors > 0) {
      say(ctx.io.stderr, `${result.errors} trials ended in an error; --resume --study ${prepared.name} runs them again`);
    }
    return result;
  } finally {
    if (ctx.handleSignals) process.off("SIGINT", onSigint);
    await closeProviders(prepared.providers);
  }
}
