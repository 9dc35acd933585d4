import { existsSync } from "node:fs";
import { SCENARIO_IDS } from "../scenarios/conditions.js";
import type { ResponseCache } from "../models/cache/index.js";
import { createProvider, isRemoteSpec, parseModelSpec } from "../models/index.js";
import { checkApiKeys, type ProviderSettingsInput } from "../models/providers/index.js";
import type { ProviderEventListener } from "../models/reliability/index.js";
import type { ModelProvider } from "../models/types.js";
import { UserError } from "./errors.js";
import { expandPlan, validatePlan, type PlannedTrial } from "./matrix.js";
import type { StudyPlan, StudyPlanInput } from "./plan.js";
import { Store } from "./store/index.js";

export interface StudyRequest {
  name: string;
  /** A new study's plan; on resume, only the settings the user gave again, which must match the stored plan. */
  plan: Partial<StudyPlanInput>;
  resume: boolean;
}

export interface PreparedStudy {
  name: string;
  plan: StudyPlan;
  trials: PlannedTrial[];
  providers: Map<string, ModelProvider>;
  /** The open store holding the study. */
  store: Store;
  /** True when the study already existed (a resume). */
  resumed: boolean;
}

export interface ProviderSetup {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Settings of hosted and local models. */
  settings?: ProviderSettingsInput;
  /** Opens the response cache; called once, and only when the plan has a hosted or local model. */
  cache?: () => ResponseCache;
  /** Events of hosted and local models (calls with usage, retries), for cost and progress. */
  onEvent?: ProviderEventListener;
}

/** Order-free, comparable form of a plan setting, so `--model a --model b` matches a stored [b, a]. */
function normalise(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map((item) => normalise(item)).sort());
  if (value !== null && typeof value === "object") {
    return JSON.stringify(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, normalise(inner)]),
    );
  }
  return JSON.stringify(value);
}

function checkResumeFlags(name: string, stored: StudyPlan, given: Partial<StudyPlanInput>): void {
  for (const [key, value] of Object.entries(given) as Array<[keyof StudyPlan, unknown]>) {
    if (value === undefined) continue;
    if (normalise(value) !== normalise(stored[key])) {
      throw new UserError(
        `--resume: ${key} ${JSON.stringify(value)} differs from the stored plan of study "${name}" (${JSON.stringify(stored[key])}); ` +
          "leave it out to resume with the stored plan",
      );
    }
  }
}

async function createProviders(models: ReadonlyArray<string>, store: () => Promise<Store | null>, setup: ProviderSetup): Promise<Map<string, ModelProvider>> {
  const providers = new Map<string, ModelProvider>();
  const specs = models.map((model) => parseModelSpec(model));
  // Every key is checked before anything is loaded (a local model takes a while) or written.
  checkApiKeys(specs, setup.env ?? process.env);
  const cache = setup.cache && specs.some((spec) => isRemoteSpec(spec)) ? setup.cache() : undefined;
  try {
    for (const model of models) {
      providers.set(
        model,
        await createProvider(model, {
          ...(setup.cwd ? { cwd: setup.cwd } : {}),
          ...(setup.env ? { env: setup.env } : {}),
          ...(setup.settings ? { settings: setup.settings } : {}),
          ...(cache ? { cache } : {}),
          ...(setup.onEvent ? { onEvent: setup.onEvent } : {}),
          loadTranscript: async (trialId: string) => (await (await store())?.getTrial(trialId))?.transcript ?? null,
        }),
      );
    }
  } catch (error) {
    await closeProviders(providers);
    throw error;
  }
  return providers;
}

export async function closeProviders(providers: ReadonlyMap<string, ModelProvider>): Promise<void> {
  for (const provider of providers.values()) await provider.close?.();
}

/**
 * Checks a study request completely (plan, model specs, script files, clashes with stored
 * studies) and only then creates the study, so a mistake leaves nothing written: for a new study
 * the store is not even opened until everything else is valid. On resume the stored plan is used
 * and any setting given again must agree with it. The returned store is open; the caller closes it.
 */
export async function prepareStudy(storePath: string, request: StudyRequest, setup: ProviderSetup = {}): Promise<PreparedStudy> {
  if (request.resume) {
    if (storePath !== ":memory:" && !existsSync(storePath)) throw new UserError(`no study named "${request.name}" to resume: there is no store at ${storePath}`);
    const store = await Store.open(storePath);
    try {
      const existing = await store.getStudy(request.name);
      if (!existing) throw new UserError(`no study named "${request.name}" in ${store.path} to resume`);
      checkResumeFlags(request.name, existing.plan, request.plan);
      const providers = await createProviders(existing.plan.models, async () => store, setup);
      return { name: request.name, plan: existing.plan, trials: expandPlan(existing.plan), providers, store, resumed: true };
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  if (!request.plan.models || request.plan.models.length === 0) throw new UserError("no model given; use --model SPEC (e.g. --model policy:faithful)");
  const plan = validatePlan({ scenarios: [...SCENARIO_IDS], conditions: {}, models: [], epochs: 1, seed: 0, ...request.plan });
  const trials = expandPlan(plan);
  let opened: Store | null = null;
  // replay: models read the store before the study exists; an absent store file is not created for them
  const storeForReplay = async () => (opened ??= storePath === ":memory:" || !existsSync(storePath) ? null : await Store.open(storePath));
  const providers = await createProviders(plan.models, storeForReplay, setup);
  try {
    const store = (opened ??= await Store.open(storePath));
    if (await store.getStudy(request.name)) {
      throw new UserError(`study "${request.name}" already exists in ${store.path}; use --resume to complete it, or choose another --study name`);
    }
    const clash = await store.foreignTrialIds(request.name, trials.map((trial) => trial.id));
    if (clash[0]) {
      throw new UserError(`study "${clash[0].study}" in ${store.path} already holds trials with this seed (${plan.seed}) and plan; choose another --seed or --store`);
    }
    await store.createStudy({ name: request.name, plan });
    return { name: request.name, plan, trials, providers, store, resumed: false };
  } catch (error) {
    await closeProviders(providers);
    await (opened as Store | null)?.close();
    throw error;
  }
}
