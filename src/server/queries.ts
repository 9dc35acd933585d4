import type { Kysely, SelectQueryBuilder } from "kysely";
import type { Labels } from "../detect/labels.js";
import { CONDITION_KEYS, ConditionSchema, ScenarioIdSchema, type Condition, type ConditionKey } from "../scenarios/conditions.js";
import { TrialStatusSchema, type TrialSummary } from "../study/record.js";
import { BOOLEAN_LABELS, type Store, type TrialCounts } from "../study/store/index.js";
import type { TrialSelection } from "./params.js";
import type { StudyDimensions, TrialListItem, TrialPage } from "./types.js";

/**
 * The viewer's reads, in SQL over the store's tables: every listing is a page or an aggregate,
 * so no request loads a whole study's payloads. Selections take lists of values per column,
 * which the store's own single-value filters do not.
 */

type Tables = Store["db"] extends Kysely<infer D> ? D : never;

function selected<O>(query: SelectQueryBuilder<Tables, "trials", O>, study: string, selection: TrialSelection): SelectQueryBuilder<Tables, "trials", O> {
  let q = query.where("trials.study", "=", study);
  if (selection.scenario) q = q.where("trials.scenario", "in", selection.scenario);
  if (selection.model) q = q.where("trials.model", "in", selection.model);
  if (selection.status) q = q.where("trials.status", "in", selection.status);
  for (const key of CONDITION_KEYS) {
    const values = selection.where[key];
    if (values) q = q.where(`trials.${key}`, "in", values as never);
  }
  if (selection.label) q = q.where(`trials.label_${selection.label.name}`, "=", selection.label.value ? 1 : 0);
  return q;
}

const bool = (value: number | null): boolean | null => (value === null ? null : value !== 0);

const LIST_COLUMNS = [
  "id",
  "scenario",
  ...CONDITION_KEYS,
  "model",
  "epoch",
  "seed",
  "status",
  ...BOOLEAN_LABELS.map((label) => `label_${label}` as const),
  "label_reported_score",
  "error",
] as const;

interface ListRow {
  id: string;
  scenario: string;
  model: string;
  epoch: number;
  seed: number;
  status: string;
  error: string | null;
  label_reported_score: number | null;
  [column: string]: string | number | null;
}

function conditionOf(row: ListRow): Condition {
  return ConditionSchema.parse(Object.fromEntries(CONDITION_KEYS.map((key) => [key, row[key] ?? null])));
}

function labelsOf(row: ListRow): Labels {
  const labels = { reported_score: row.label_reported_score } as Labels;
  for (const label of BOOLEAN_LABELS) labels[label] = bool(row[`label_${label}`] as number | null);
  return labels;
}

/** One page of a study's trials in plan order, with the total that match. */
export async function listTrials(store: Store, study: string, selection: TrialSelection, page: number, pageSize: number): Promise<TrialPage> {
  const total = await selected(store.db.selectFrom("trials"), study, selection)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  const rows = (await selected(store.db.selectFrom("trials"), study, selection)
    .select(LIST_COLUMNS)
    .orderBy("ordinal")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()) as unknown as ListRow[];
  const trials: TrialListItem[] = rows.map((row) => ({
    id: row.id,
    scenario: ScenarioIdSchema.parse(row.scenario),
    condition: conditionOf(row),
    model: row.model,
    epoch: row.epoch,
    status: TrialStatusSchema.parse(row.status),
    labels: labelsOf(row),
    error: row.error,
  }));
  return { study, total: Number(total?.n ?? 0), page, pageSize, trials };
}

export interface StudyTotals {
  counts: TrialCounts;
  /** Tokens per model. */
  usage: Array<{ model: string; input: number; output: number; reasoning: number }>;
  recentErrors: Array<{ id: string; error: string }>;
}

export async function studyTotals(store: Store, study: string): Promise<StudyTotals> {
  const rows = await store.db
    .selectFrom("trials")
    .where("study", "=", study)
    .select((eb) => [
      "model",
      "status",
      eb.fn.countAll<number>().as("n"),
      eb.fn.sum<number>("input_tokens").as("input"),
      eb.fn.sum<number>("output_tokens").as("output"),
      eb.fn.sum<number>("reasoning_tokens").as("reasoning"),
    ])
    .groupBy(["model", "status"])
    .execute();
  const counts: TrialCounts = { total: 0, ok: 0, incomplete: 0, error: 0 };
  const usage = new Map<string, { model: string; input: number; output: number; reasoning: number }>();
  for (const row of rows) {
    const status = TrialStatusSchema.parse(row.status);
    counts[status] += Number(row.n);
    counts.total += Number(row.n);
    const entry = usage.get(row.model) ?? { model: row.model, input: 0, output: 0, reasoning: 0 };
    entry.input += Number(row.input);
    entry.output += Number(row.output);
    entry.reasoning += Number(row.reasoning);
    usage.set(row.model, entry);
  }
  const errors = await store.db
    .selectFrom("trials")
    .where("study", "=", study)
    .where("status", "=", "error")
    .select(["id", "error"])
    .orderBy("started_at", "desc")
    .limit(5)
    .execute();
  return { counts, usage: [...usage.values()], recentErrors: errors.map((row) => ({ id: row.id, error: row.error ?? "unknown error" })) };
}

/** The values each dimension takes in a study (from the distinct cells, not the trials). */
export async function studyDimensions(store: Store, study: string): Promise<StudyDimensions> {
  const rows = (await store.db
    .selectFrom("trials")
    .where("study", "=", study)
    .select(["scenario", "model", "status", ...CONDITION_KEYS])
    .distinct()
    .execute()) as unknown as ListRow[];
  const distinct = (column: string): Array<string | number> => {
    const values = new Set<string | number>();
    for (const row of rows) {
      const value = row[column];
      if (value !== null && value !== undefined) values.add(value);
    }
    return [...values].sort((a, b) => String(a).localeCompare(String(b), undefined, { numeric: true }));
  };
  return {
    scenario: distinct("scenario") as StudyDimensions["scenario"],
    model: distinct("model") as string[],
    status: distinct("status") as StudyDimensions["status"],
    condition: Object.fromEntries(CONDITION_KEYS.map((key) => [key, distinct(key)])) as StudyDimensions["condition"],
  };
}

/**
 * Trials of the same study, scenario and model whose condition differs from `trial`'s in `key`,
 * closest first: those that differ in `key` only, then (a sampled matrix may hold no exact twin)
 * those sharing the most other keys; the same epoch first among equals.
 */
export async function counterparts(
  store: Store,
  trial: Pick<TrialSummary, "id" | "study" | "scenario" | "model" | "epoch" | "condition">,
  key: ConditionKey,
  limit = 20,
): Promise<Array<{ id: string; value: string | number | null; epoch: number; differs: ConditionKey[] }>> {
  const value = trial.condition[key];
  const candidates = () =>
    store.db
      .selectFrom("trials")
      .where("study", "=", trial.study)
      .where("scenario", "=", trial.scenario)
      .where("model", "=", trial.model)
      .where((eb) => (value === null ? eb(key, "is not", null) : eb.or([eb(key, "is", null), eb(key, "!=", value as never)])))
      .select(["id", "epoch", "ordinal", ...CONDITION_KEYS]);
  let exact = candidates();
  for (const other of CONDITION_KEYS) {
    if (other === key) continue;
    const wanted = trial.condition[other];
    exact = wanted === null ? exact.where(other, "is", null) : exact.where(other, "=", wanted as never);
  }
  const rows = (await exact.orderBy("ordinal").limit(limit).execute()) as unknown as ListRow[];
  if (rows.length < limit) {
    const seen = new Set(rows.map((row) => row.id));
    const near = (await candidates().orderBy("ordinal").limit(1000).execute()) as unknown as ListRow[];
    rows.push(...near.filter((row) => !seen.has(row.id)));
  }
  return rows
    .map((row) => ({
      id: row.id,
      value: row[key] ?? null,
      epoch: row.epoch,
      differs: CONDITION_KEYS.filter((other) => other !== key && (row[other] ?? null) !== trial.condition[other]),
      sameEpoch: row.epoch === trial.epoch ? 0 : 1,
    }))
    .sort((a, b) => a.differs.length - b.differs.length || a.sameEpoch - b.sameEpoch)
    .slice(0, limit)
    .map(({ sameEpoch: _, ...rest }) => rest);
}
