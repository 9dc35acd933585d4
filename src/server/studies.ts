import { costOf, type PriceTable } from "../models/pricing/index.js";
import { expandPlan, type Store, type StudyInfo, type TrialCounts } from "../study/index.js";
import { studyDimensions, studyTotals, type StudyTotals } from "./queries.js";
import type { StudyDetail, StudyDimensions, StudyListItem } from "./types.js";

/** How long a running study's token totals may lag behind its trial counts. */
const RUNNING_TOTALS_MS = 10_000;

interface Cached<T> {
  version: string;
  at: number;
  value: T;
}

/**
 * A study's listing and detail. Aggregates that scan every trial (tokens per model, the values of
 * each dimension, planned trials) are kept per study version, so a finished study is scanned once;
 * trial counts come from an index on every request, so progress stays live.
 */
export class StudyViews {
  private readonly totals = new Map<string, Cached<StudyTotals>>();
  private readonly dimensions = new Map<string, Cached<StudyDimensions>>();
  private readonly planned = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly prices: PriceTable | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Changes whenever a trial is added, re-run or the study's status changes. */
  async version(study: StudyInfo): Promise<{ version: string; counts: TrialCounts }> {
    const counts = await this.store.counts(study.name);
    return { version: `${study.updatedAt}|${study.status}|${counts.total}|${counts.error}|${counts.incomplete}`, counts };
  }

  private plannedTrials(study: StudyInfo): number {
    const key = JSON.stringify(study.plan);
    let planned = this.planned.get(key);
    if (planned === undefined) {
      planned = expandPlan(study.plan).length;
      this.planned.set(key, planned);
    }
    return planned;
  }

  private async cachedTotals(study: StudyInfo, version: string): Promise<StudyTotals> {
    const hit = this.totals.get(study.name);
    if (hit && (hit.version === version || (study.status === "running" && this.now() - hit.at < RUNNING_TOTALS_MS))) return hit.value;
    const value = await studyTotals(this.store, study.name);
    this.totals.set(study.name, { version, at: this.now(), value });
    return value;
  }

  async listItem(study: StudyInfo): Promise<StudyListItem> {
    const { version, counts } = await this.version(study);
    const totals = await this.cachedTotals(study, version);
    let costUsd: number | null = null;
    const unpriced: string[] = [];
    const tokens = { input: 0, output: 0, reasoning: 0 };
    for (const usage of totals.usage) {
      tokens.input += usage.input;
      tokens.output += usage.output;
      tokens.reasoning += usage.reasoning;
      const cost = this.prices ? costOf(this.prices, usage.model, { inputTokens: usage.input, outputTokens: usage.output }) : null;
      if (cost === null) unpriced.push(usage.model);
      else costUsd = (costUsd ?? 0) + cost;
    }
    return {
      name: study.name,
      status: study.status,
      plan: study.plan,
      createdAt: study.createdAt,
      updatedAt: study.updatedAt,
      planned: this.plannedTrials(study),
      counts,
      tokens,
      costUsd,
      unpriced,
      recentErrors: totals.recentErrors,
    };
  }

  async detail(study: StudyInfo): Promise<StudyDetail> {
    const item = await this.listItem(study);
    const { version } = await this.version(study);
    let hit = this.dimensions.get(study.name);
    if (!hit || hit.version !== version) {
      hit = { version, at: this.now(), value: await studyDimensions(this.store, study.name) };
      this.dimensions.set(study.name, hit);
    }
    return { ...item, dimensions: hit.value };
  }
}
