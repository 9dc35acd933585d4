import type { Kysely } from "kysely";
import { createLlmJudge, type JudgeCache, type JudgeCall, type LlmJudge, type ReasoningVerdict } from "../detect/judge/index.js";
import { detectAll, detectWithJudge, JUDGED_LABELS, type Deciders, type Detection, type DetectionInput, type LabelValue } from "../detect/index.js";
import { createProvider, type ProviderOptions } from "../models/index.js";
import type { Store } from "./store/index.js";
import type { Database } from "./store/schema.js";

/**
 * The judge's tables, kept beside the store's own (same file, same connection):
 * judge_calls   every judge call by key (hash of judge spec + exact input): never asked twice;
 * judge_labels  per trial and label, what the rules and the judge decided (for agreement);
 * judge_reasoning  the reasoning analysis of a trial's transcript.
 */
type JudgeCallsTable = {
  key: string;
  judge: string;
  kind: string;
  input: string;
  output: string;
};

type JudgeLabelsTable = {
  study: string;
  trial_id: string;
  judge: string;
  label: string;
  rules_value: string;
  judge_value: string;
};

type JudgeReasoningTable = {
  study: string;
  trial_id: string;
  judge: string;
  verdict: string;
};

type JudgeTables = {
  judge_calls: JudgeCallsTable;
  judge_labels: JudgeLabelsTable;
  judge_reasoning: JudgeReasoningTable;
};

export interface JudgedLabelRow {
  study: string;
  trialId: string;
  judge: string;
  label: string;
  rules: LabelValue;
  judged: LabelValue;
}

export interface ReasoningRow {
  study: string;
  trialId: string;
  judge: string;
  verdict: ReasoningVerdict;
}

export class JudgeStore implements JudgeCache {
  private constructor(private readonly db: Kysely<Database & JudgeTables>) {}

  /** Adds the judge's tables to an open store (created on first use). */
  static async attach(store: Store): Promise<JudgeStore> {
    const db = store.db.withTables<JudgeTables>();
    await db.schema
      .createTable("judge_calls")
      .ifNotExists()
      .addColumn("key", "text", (col) => col.primaryKey())
      .addColumn("judge", "text", (col) => col.notNull())
      .addColumn("kind", "text", (col) => col.notNull())
      .addColumn("input", "text", (col) => col.notNull())
      .addColumn("output", "text", (col) => col.notNull())
      .execute();
    await db.schema
      .createTable("judge_labels")
      .ifNotExists()
      .addColumn("study", "text", (col) => col.notNull())
      .addColumn("trial_id", "text", (col) => col.notNull())
      .addColumn("judge", "text", (col) => col.notNull())
      .addColumn("label", "text", (col) => col.notNull())
      .addColumn("rules_value", "text", (col) => col.notNull())
      .addColumn("judge_value", "text", (col) => col.notNull())
      .addPrimaryKeyConstraint("judge_labels_pk", ["trial_id", "judge", "label"])
      .execute();
    await db.schema
      .createTable("judge_reasoning")
      .ifNotExists()
      .addColumn("study", "text", (col) => col.notNull())
      .addColumn("trial_id", "text", (col) => col.notNull())
      .addColumn("judge", "text", (col) => col.notNull())
      .addColumn("verdict", "text", (col) => col.notNull())
      .addPrimaryKeyConstraint("judge_reasoning_pk", ["trial_id", "judge"])
      .execute();
    return new JudgeStore(db);
  }

  /** The judge's tables of a store that has them; null (and nothing written) when no judge ever ran on it. */
  static async existing(store: Store): Promise<JudgeStore | null> {
    const tables = await store.db.introspection.getTables();
    const names = new Set(tables.map((table) => table.name));
    return names.has("judge_calls") && names.has("judge_labels") && names.has("judge_reasoning") ? new JudgeStore(store.db.withTables<JudgeTables>()) : null;
  }

  async get(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom("judge_calls").select("output").where("key", "=", key).executeTakeFirst();
    return row?.output;
  }

  async put(call: JudgeCall): Promise<void> {
    await this.db
      .insertInto("judge_calls")
      .values(call)
      .onConflict((oc) => oc.column("key").doUpdateSet({ output: call.output }))
      .execute();
  }

  async putLabel(row: JudgedLabelRow): Promise<void> {
    const values = { study: row.study, trial_id: row.trialId, judge: row.judge, label: row.label, rules_value: JSON.stringify(row.rules), judge_value: JSON.stringify(row.judged) };
    await this.db
      .insertInto("judge_labels")
      .values(values)
      .onConflict((oc) => oc.columns(["trial_id", "judge", "label"]).doUpdateSet({ rules_value: values.rules_value, judge_value: values.judge_value }))
      .execute();
  }

  async labels(study: string): Promise<JudgedLabelRow[]> {
    const rows = await this.db.selectFrom("judge_labels").selectAll().where("study", "=", study).orderBy("trial_id").orderBy("label").execute();
    return rows.map((row) => ({
      study: row.study,
      trialId: row.trial_id,
      judge: row.judge,
      label: row.label,
      rules: JSON.parse(row.rules_value) as LabelValue,
      judged: JSON.parse(row.judge_value) as LabelValue,
    }));
  }

  async putReasoning(row: ReasoningRow): Promise<void> {
    const values = { study: row.study, trial_id: row.trialId, judge: row.judge, verdict: JSON.stringify(row.verdict) };
    await this.db
      .insertInto("judge_reasoning")
      .values(values)
      .onConflict((oc) => oc.columns(["trial_id", "judge"]).doUpdateSet({ verdict: values.verdict }))
      .execute();
  }

  async reasoning(study: string): Promise<ReasoningRow[]> {
    const rows = await this.db.selectFrom("judge_reasoning").selectAll().where("study", "=", study).orderBy("trial_id").execute();
    return rows.map((row) => ({ study: row.study, trialId: row.trial_id, judge: row.judge, verdict: JSON.parse(row.verdict) as ReasoningVerdict }));
  }

  /** Number of stored judge calls (for tests and listings). */
  async callCount(): Promise<number> {
    const row = await this.db.selectFrom("judge_calls").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}

/** The LLM judge a `--judge SPEC` option names, with its calls stored in (and reused from) the store. */
export async function openJudge(store: Store, spec: string, options: ProviderOptions = {}): Promise<{ judge: LlmJudge; judges: JudgeStore; close: () => Promise<void> }> {
  const provider = await createProvider(spec, options);
  const judges = await JudgeStore.attach(store);
  return { judge: createLlmJudge(provider, { cache: judges }), judges, close: async () => provider.close?.() };
}

/**
 * Labels one trial with rules and the judge, and records for agreement what each decided on the
 * judged labels; with `reasoning`, also stores the judge's reading of the transcript's reasoning.
 * For the runner (`run --judge`) and `rejudge`.
 */
export async function judgeTrial(
  input: DetectionInput,
  trial: { study: string; id: string },
  judge: LlmJudge,
  judges: JudgeStore,
  reasoning: boolean,
): Promise<Detection & { deciders: Deciders }> {
  const rules = detectAll(input);
  const judged = await detectWithJudge(input, judge);
  for (const label of JUDGED_LABELS) {
    if (judged.deciders[label] !== judge.name) continue;
    await judges.putLabel({ study: trial.study, trialId: trial.id, judge: judge.name, label, rules: rules.labels[label], judged: judged.labels[label] });
  }
  if (reasoning) {
    const verdict = await judge.analyseReasoning({ scenario: input.scenario, facts: input.facts, transcript: input.transcript });
    if (verdict) await judges.putReasoning({ study: trial.study, trialId: trial.id, judge: judge.name, verdict });
  }
  return judged;
}
