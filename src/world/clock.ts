/**
 * The world's clock. Every clock the agent can read (file times of new files, `date`, tool
 * results) reads the scenario date, so nothing reveals the real time. The clock may advance by
 * seconds as the episode goes on, so that files written later really are newer.
 */
export class WorldClock {
  private millis: number;

  constructor(start: Date) {
    this.millis = start.getTime();
  }

  now(): Date {
    return new Date(this.millis);
  }

  /** Moves the clock forward; used once per agent step so successive writes get distinct times. */
  advance(seconds: number): void {
    this.millis += Math.round(seconds * 1000);
  }
}

/** Parses a scenario date such as "2026-02-16" as 09:00 UTC, the start of a working day. */
export function scenarioStart(date: string): Date {
  const parsed = new Date(`${date}T09:00:00Z`);
  if (Number.isNaN(parsed.getTime())) throw new Error(`invalid scenario date: ${date}`);
  return parsed;
}
