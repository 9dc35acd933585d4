import { dirname, join, resolve } from "node:path";
import { ResponseCache } from "../models/cache/index.js";
import { isRemoteSpec, parseModelSpec } from "../models/index.js";
import { CostMeter, DEFAULT_PRICES_FILE, loadPriceTable, priceFor, type PriceTable } from "../models/pricing/index.js";
import { ProviderStats, redactSecrets, secretsFromEnv, type ProviderEvent } from "../models/reliability/index.js";
import type { ProviderSetup } from "../study/index.js";
import { UserError } from "../study/errors.js";

export interface MeterOptions {
  /** Price table file (default: the example table shipped with peerguard). */
  prices?: string;
  /** Budget of this run in USD. */
  maxCostUsd?: number;
  /** Response cache file; null for none. */
  cachePath: string | null;
  /** Environment whose secrets are kept out of warnings. */
  env: NodeJS.ProcessEnv;
}

/** The response cache file beside a store (none for an in-memory store). */
export function cachePathFor(storePath: string): string | null {
  return storePath === ":memory:" ? null : join(dirname(storePath), "cache.sqlite");
}

/**
 * What a run measures of its hosted and local models: tokens and retries (ProviderStats), spend
 * against the budget (CostMeter), warnings to show after the run, and the response cache, which
 * is opened only when a model makes real calls. Close it when the run ends.
 */
export class StudyMeters {
  readonly stats = new ProviderStats();
  readonly cost: CostMeter;
  readonly pricesFile: string;
  readonly table: PriceTable;
  private readonly warnings = new Set<string>();
  private cache: ResponseCache | null = null;

  constructor(
    private readonly options: MeterOptions,
    cwd: string,
  ) {
    this.pricesFile = options.prices ? resolve(cwd, options.prices) : DEFAULT_PRICES_FILE;
    this.table = loadPriceTable(this.pricesFile);
    this.cost = new CostMeter(this.table, options.maxCostUsd ?? null);
  }

  readonly onEvent = (event: ProviderEvent): void => {
    this.stats.add(event);
    this.cost.listener(event);
    if (event.type === "warning") this.warnings.add(redactSecrets(`${event.spec}: ${event.message}`, secretsFromEnv(this.options.env)));
  };

  /** Hosted and local models of `models` that have no price in the table. */
  unpriced(models: ReadonlyArray<string>): string[] {
    return models.filter((model) => isRemoteSpec(parseModelSpec(model)) && priceFor(this.table, model) === null);
  }

  /** Refuses a budget that some model's cost would escape; returns a note for unpriced models otherwise. */
  checkPrices(models: ReadonlyArray<string>): string | null {
    const unpriced = this.unpriced(models);
    if (unpriced.length === 0) return null;
    if (this.options.maxCostUsd !== undefined) {
      throw new UserError(
        `--max-cost: no price for ${unpriced.join(", ")} in ${this.pricesFile}; add one under "models:" (a spec or a "prefix*" key) or pass --prices FILE`,
      );
    }
    return `note: no price for ${unpriced.join(", ")} in ${this.pricesFile}; its cost is not counted`;
  }

  /** What prepareStudy needs to wire the models to these meters and the cache. */
  providerSetup(): Pick<ProviderSetup, "cache" | "onEvent"> {
    const path = this.options.cachePath;
    return {
      onEvent: this.onEvent,
      ...(path ? { cache: () => (this.cache ??= new ResponseCache(path)) } : {}),
    };
  }

  /** Settings the models ignored, once each. */
  get warningMessages(): string[] {
    return [...this.warnings];
  }

  close(): void {
    this.cache?.close();
    this.cache = null;
  }
}
