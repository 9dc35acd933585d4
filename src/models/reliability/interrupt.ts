import type { EventEmitter } from "node:events";

export interface InterruptOptions {
  /** How long in-flight trials may take to finish after the first Ctrl-C before they are aborted. */
  graceMs?: number;
  /** Where SIGINT comes from (default: process). */
  source?: Pick<EventEmitter, "on" | "off">;
  /** Told what is happening, for the user. */
  notify?: (message: string) => void;
}

/**
 * Clean stop on Ctrl-C. The first SIGINT aborts `stopSignal`: start no more trials, let those in
 * flight finish. A second SIGINT, or the grace period running out, aborts `abortSignal`: in-flight
 * trials are abandoned unrecorded, so `--resume` runs them again. Nothing is lost either way.
 */
export class StudyInterrupt {
  private readonly stop = new AbortController();
  private readonly abort = new AbortController();
  private readonly source: Pick<EventEmitter, "on" | "off">;
  private grace: NodeJS.Timeout | undefined;

  constructor(private readonly options: InterruptOptions = {}) {
    this.source = options.source ?? process;
    this.source.on("SIGINT", this.onSignal);
  }

  private readonly onSignal = (): void => {
    const notify = this.options.notify ?? (() => {});
    if (!this.stop.signal.aborted) {
      this.stop.abort(new Error("interrupted"));
      notify("Stopping: no new trials; waiting for running trials to finish (Ctrl-C again to stop now). Resume with --resume.");
      this.grace = setTimeout(() => this.abort.abort(new Error("interrupted")), this.options.graceMs ?? 30_000);
      this.grace.unref();
    } else if (!this.abort.signal.aborted) {
      this.abort.abort(new Error("interrupted"));
      notify("Stopping now: running trials are left for --resume.");
    }
  };

  /** Aborted at the first Ctrl-C: the runner starts no further trial. */
  get stopSignal(): AbortSignal {
    return this.stop.signal;
  }

  /** Aborted at the second Ctrl-C or after the grace period: pass to every running trial. */
  get abortSignal(): AbortSignal {
    return this.abort.signal;
  }

  get interrupted(): boolean {
    return this.stop.signal.aborted;
  }

  dispose(): void {
    clearTimeout(this.grace);
    this.source.off("SIGINT", this.onSignal);
  }
}
