import cliProgress from "cli-progress";
import type { CostMeter } from "../models/pricing/index.js";
import type { ProviderStats } from "../models/reliability/index.js";
import type { StudyProgress } from "../study/index.js";
import { say, type OutputStream } from "./context.js";

export interface ProgressReporter {
  update(progress: StudyProgress): void;
  finish(): void;
}

/** Running totals of hosted and local models, shown after the trial counts when given. */
export interface ProgressMeters {
  stats?: ProviderStats;
  cost?: CostMeter;
}

function eta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "--";
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, "0")}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

function tokens(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${Math.round(n / 1e3)}k` : String(n);
}

/** Dollars with cents, or four decimals below a dollar (small studies would otherwise all read $0.00). */
export function dollars(usd: number): string {
  return `$${usd.toFixed(usd < 1 ? 4 : 2)}`;
}

/** `retries 3  tokens 12k  cost $0.0420`, or "" without meters. */
export function metersText(meters: ProgressMeters): string {
  const parts: string[] = [];
  if (meters.stats) parts.push(`retries ${meters.stats.retries}`, `tokens ${tokens(meters.stats.tokens.input + meters.stats.tokens.output)}`);
  if (meters.cost) parts.push(`cost ${dollars(meters.cost.costUsd)}`);
  return parts.join("  ");
}

/** One progress line: `trials 40/120  85.2/s  ETA 1s  errors 0`, then the meters when given. */
export function progressLine(progress: StudyProgress, meters: ProgressMeters = {}): string {
  const resumed = progress.skipped > 0 ? `  (${progress.skipped} already stored)` : "";
  const extra = metersText(meters);
  return `trials ${progress.done}/${progress.total}  ${progress.rate.toFixed(1)}/s  ETA ${eta(progress.etaSeconds)}  errors ${progress.errors}${extra ? `  ${extra}` : ""}${resumed}`;
}

/**
 * Progress on stderr: a live bar on a terminal, otherwise a plain line when a trial ends (at most
 * every `intervalMs`), every `intervalMs` while trials run (tokens and cost move within a trial),
 * and one at the end.
 */
export function createProgressReporter(stream: OutputStream, intervalMs = 1000, meters: ProgressMeters = {}): ProgressReporter {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: stream as NodeJS.WritableStream,
        format: "trials {bar} {value}/{total}  {rate}/s  ETA {eta_text}  errors {errors}{meters}",
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    const payload = (progress: StudyProgress) => {
      const extra = metersText(meters);
      return { rate: progress.rate.toFixed(1), eta_text: eta(progress.etaSeconds), errors: progress.errors, meters: extra ? `  ${extra}` : "" };
    };
    let last: StudyProgress | null = null;
    // The bar redraws on its own timer; this refreshes the meters between trials.
    const timer = setInterval(() => last && bar.update(last.done, payload(last)), intervalMs);
    timer.unref();
    return {
      update(progress) {
        last = progress;
        if (!started) {
          bar.start(progress.total, progress.done, payload(progress));
          started = true;
        } else bar.update(progress.done, payload(progress));
      },
      finish() {
        clearInterval(timer);
        if (started) bar.stop();
      },
    };
  }
  let last: StudyProgress | null = null;
  let lastPrinted = 0;
  let printed = "";
  const print = (progress: StudyProgress) => {
    printed = progressLine(progress, meters);
    say(stream, printed);
    lastPrinted = performance.now();
  };
  const timer = setInterval(() => {
    if (last && performance.now() - lastPrinted >= intervalMs) print(last);
  }, intervalMs);
  timer.unref();
  return {
    update(progress) {
      last = progress;
      if (printed === "" || performance.now() - lastPrinted >= intervalMs) print(progress);
    },
    finish() {
      clearInterval(timer);
      if (last && progressLine(last, meters) !== printed) print(last);
    },
  };
}
