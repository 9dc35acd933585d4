import cliProgress from "cli-progress";
import type { CostMeter } from "../pricing/cost-meter.js";
import type { ProviderStats } from "./events.js";

export interface ProgressSnapshot {
  done: number;
  total: number;
  errors: number;
  /** Trials finished per second in this run (resumed trials excluded). */
  rate: number;
  /** Seconds to go at the current rate; null before the first trial ends. */
  etaSeconds: number | null;
  retries: number;
  tokens: number;
  costUsd: number | null;
}

function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "--";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : m > 0 ? `${m}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

function count(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(0)}k` : String(n);
}

/** The fields after the bar: the whole status line when there is no bar. */
export function formatProgress(s: ProgressSnapshot): string {
  const cost = s.costUsd === null ? "" : ` | $${s.costUsd.toFixed(2)}`;
  return `${s.done}/${s.total} trials | ${s.rate.toFixed(2)}/s | ETA ${duration(s.etaSeconds)} | ${s.errors} errors | ${s.retries} retries | ${count(s.tokens)} tokens${cost}`;
}

export interface ProgressOptions {
  total: number;
  /** Trials already finished before this run (a resume). */
  alreadyDone?: number;
  stats?: ProviderStats;
  cost?: CostMeter;
  stream?: NodeJS.WriteStream;
  /** Live bar (a terminal) or plain periodic lines (logs, CI); default: whether the stream is a TTY. */
  live?: boolean;
  /** Period of plain lines. */
  intervalMs?: number;
  now?: () => number;
}

/**
 * Progress of a long study: done/total, trials/s, ETA, errors, retries, tokens, cost. A live bar
 * on a terminal; otherwise a plain line every `intervalMs` and one at the end.
 */
export class StudyProgress {
  private done: number;
  private errors = 0;
  private readonly started: number;
  private readonly now: () => number;
  private readonly bar: cliProgress.SingleBar | null;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly stream: NodeJS.WriteStream;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.done = options.alreadyDone ?? 0;
    this.stream = options.stream ?? process.stderr;
    const live = options.live ?? Boolean(this.stream.isTTY);
    if (live) {
      this.bar = new cliProgress.SingleBar(
        { format: "{bar} {status}", stream: this.stream, hideCursor: true, barsize: 24, fps: 4, noTTYOutput: true, notTTYSchedule: 2_000 },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(options.total, this.done, { status: formatProgress(this.snapshot()) });
    } else {
      this.bar = null;
      this.timer = setInterval(() => this.print(), options.intervalMs ?? 30_000);
      this.timer.unref();
    }
  }

  /** Call when a trial is stored (or stored as error). */
  trialFinished(status: "ok" | "incomplete" | "error"): void {
    this.done += 1;
    if (status === "error") this.errors += 1;
    this.bar?.update(this.done, { status: formatProgress(this.snapshot()) });
  }

  snapshot(): ProgressSnapshot {
    const { stats, cost, total } = this.options;
    const elapsed = (this.now() - this.started) / 1000;
    const thisRun = this.done - (this.options.alreadyDone ?? 0);
    const rate = elapsed > 0 ? thisRun / elapsed : 0;
    return {
      done: this.done,
      total,
      errors: this.errors,
      rate,
      etaSeconds: rate > 0 ? (total - this.done) / rate : null,
      retries: stats?.retries ?? 0,
      tokens: stats ? stats.tokens.input + stats.tokens.output : 0,
      costUsd: cost ? cost.costUsd : null,
    };
  }

  private print(): void {
    this.stream.write(`${formatProgress(this.snapshot())}\n`);
  }

  stop(): void {
    if (this.bar) {
      this.bar.update(this.done, { status: formatProgress(this.snapshot()) });
      this.bar.stop();
    } else {
      clearInterval(this.timer);
      this.print();
    }
  }
}
