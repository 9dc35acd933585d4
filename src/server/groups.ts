import { sql } from "kysely";
import { MAX_LISTED_IDS } from "../analysis/figures.js";
import type { TrialGroup } from "../analysis/metrics/index.js";
import { LABEL_NAMES, type Deciders, type LabelName, type Labels } from "../detect/labels.js";
import { CONDITION_KEYS, ConditionSchema, ScenarioIdSchema } from "../scenarios/conditions.js";
import { TrialStatusSchema, type TrialSummary } from "../study/record.js";
import { BOOLEAN_LABELS, type Store } from "../study/store/index.js";
import type { TrialSelection } from "./params.js";

/**
 * A study's trials as the metrics count them: one row per group of trials alike in scenario,
 * model, condition, status and boolean labels, from one grouped scan of the trials table. Every
 * filter of the results matrix is a selection of these groups, so a study version is scanned once
 * and a new filter costs no query at all.
 */

const LABEL_COLUMNS = BOOLEAN_LABELS.map((label) => `label_${label}` as const);
const SEPARATOR = "\u0001";
const NO_DECIDERS = Object.fromEntries(LABEL_NAMES.map((label: LabelName) => [label, "rules"])) as Deciders;

type Row = Record<string, string | number | null> & { n: number; trials: string };

/** The group's first MAX_LISTED_IDS trials, from "ordinal id" entries in plan order. */
function firstTrials(joined: string): Array<{ order: number; id: string }> {
  const first: Array<{ order: number; id: string }> = [];
  let start = 0;
  while (first.length < MAX_LISTED_IDS && start < joined.length) {
    const end = joined.indexOf(SEPARATOR, start);
    const entry = joined.slice(start, end < 0 ? joined.length : end);
    const space = entry.indexOf(" ");
    first.push({ order: Number(entry.slice(0, space)), id: entry.slice(space + 1) });
    if (end < 0) break;
    start = end + 1;
  }
  return first;
}

/**
 * Every group of a study's trials. The reported score is not read (no behaviour's outcome uses
 * it; it would split groups by score), so the groups' trials carry null there.
 */
export async function loadTrialGroups(store: Store, study: string): Promise<TrialGroup[]> {
  // condition_key stands for the condition columns in the grouping (it is made of them): fewer sort keys
  const rows = (await store.db
    .selectFrom("trials")
    .where("study", "=", study)
    .select((eb) => [
      "scenario",
      "model",
      "status",
      ...CONDITION_KEYS,
      ...LABEL_COLUMNS,
      eb.fn.countAll<number>().as("n"),
      sql<string>`group_concat(ordinal || ' ' || id, char(1) order by ordinal)`.as("trials"),
    ])
    .groupBy(["scenario", "model", "status", "condition_key", ...LABEL_COLUMNS])
    .execute()) as unknown as Row[];
  return rows.map((row) => {
    const labels = { reported_score: null } as Labels;
    for (const label of BOOLEAN_LABELS) {
      const value = row[`label_${label}`];
      labels[label] = value === null || value === undefined ? null : value !== 0;
    }
    const first = firstTrials(row.trials);
    const trial: TrialSummary = {
      id: first[0]?.id ?? "",
      study,
      scenario: ScenarioIdSchema.parse(row.scenario),
      condition: ConditionSchema.parse(Object.fromEntries(CONDITION_KEYS.map((key) => [key, row[key] ?? null]))),
      model: String(row.model),
      epoch: 0,
      seed: 0,
      status: TrialStatusSchema.parse(row.status),
      labels,
      deciders: NO_DECIDERS,
      usage: { inputTokens: 0, outputTokens: 0, reasoningTokens: 0 },
      error: null,
      timing: { startedAt: "", durationMs: 0 },
    };
    return { trial, count: Number(row.n), first };
  });
}

/** The groups whose trials a selection takes (the same rule as the SQL listings: a null value matches no list). */
export function selectGroups(groups: ReadonlyArray<TrialGroup>, selection: TrialSelection): TrialGroup[] {
  const { scenario, model, status, where, label } = selection;
  const keys = CONDITION_KEYS.filter((key) => where[key] !== undefined);
  return groups.filter(({ trial }) => {
    if (scenario && !scenario.includes(trial.scenario)) return false;
    if (model && !model.includes(trial.model)) return false;
    if (status && !status.includes(trial.status)) return false;
    for (const key of keys) {
      if (!(where[key] as ReadonlyArray<unknown>).includes(trial.condition[key])) return false;
    }
    return label === undefined || trial.labels[label.name] === label.value;
  });
}

/** Each store's groups per study, for the latest version asked for (a study that changed is scanned again). */
export class TrialGroupCache {
  private readonly stores = new WeakMap<Store, Map<string, { version: string; groups: Promise<TrialGroup[]> }>>();

  get(store: Store, study: string, version: string): Promise<TrialGroup[]> {
    let studies = this.stores.get(store);
    if (!studies) {
      studies = new Map();
      this.stores.set(store, studies);
    }
    const hit = studies.get(study);
    if (hit && hit.version === version) return hit.groups;
    const groups = loadTrialGroups(store, study);
    studies.set(study, { version, groups });
    groups.catch(() => {
      if (studies.get(study)?.groups === groups) studies.delete(study);
    });
    return groups;
  }
}
