import cliProgress from "cli-progress";
import type { StudyProgress } from "../study/index.js";
import { say, type OutputStream } from "./context.js";

export interface ProgressReporter {
  update(progress: StudyProgress): void;
  finish(): void;
}

function eta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "--";
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, "0")}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

/** One progress line: `trials 40/120  85.2/s  ETA 1s  errors 0`. */
export function progressLine(progress: StudyProgress): string {
  const resumed = progress.skipped > 0 ? `  (${progress.skipped} already stored)` : "";
  return `trials ${progress.done}/${progress.total}  ${progress.rate.toFixed(1)}/s  ETA ${eta(progress.etaSeconds)}  errors ${progress.errors}${resumed}`;
}

/**
 * Progress on stderr: a live bar on a terminal, otherwise a plain line at most every
 * `intervalMs` and one at the end.
 */
export function createProgressReporter(stream: OutputStream, intervalMs = 1000): ProgressReporter {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: stream as NodeJS.WritableStream,
        format: "trials {bar} {value}/{total}  {rate}/s  ETA {eta_text}  errors {errors}",
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(progress) {
        const payload = { rate: progress.rate.toFixed(1), eta_text: eta(progress.etaSeconds), errors: progress.errors };
        if (!started) {
          bar.start(progress.total, progress.done, payload);
          started = true;
        } else bar.update(progress.done, payload);
      },
      finish() {
        if (started) bar.stop();
      },
    };
  }
  let last: StudyProgress | null = null;
  let lastPrinted = 0;
  let printedLast: StudyProgress | null = null;
  return {
    update(progress) {
      last = progress;
      const now = performance.now();
      if (printedLast === null || now - lastPrinted >= intervalMs) {
        say(stream, progressLine(progress));
        lastPrinted = now;
        printedLast = progress;
      }
    },
    finish() {
      if (last && last !== printedLast) say(stream, progressLine(last));
    },
  };
}
