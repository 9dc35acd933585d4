import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type Selectable } from "kysely";
import { z } from "zod";
import { TranscriptSchema } from "../../agent/transcript.js";
import { DecidersSchema, EvidenceSchema, LABEL_NAMES, LabelsSchema, type Deciders, type Evidence, type LabelName, type Labels } from "../../detect/labels.js";
import { ConditionSchema, ScenarioIdSchema, conditionKey, type Condition, type ScenarioId } from "../../scenarios/conditions.js";
import { WorldChangeSchema } from "../../world/index.js";
import { StudyPlanSchema, type StudyPlan } from "../plan.js";
import { TrialRecordSchema, TrialStatusSchema, type TrialRecord, type TrialStatus, type TrialSummary } from "../record.js";
import { migrationProvider } from "./migrations.js";
import type { Database, TrialsTable } from "./schema.js";
import { withStatementCache } from "./statement-cache.js";

export const StudyStatusSchema = z.enum(["running", "interrupted", "complete"]);
export type StudyStatus = z.infer<typeof StudyStatusSchema>;

export interface StudyInfo {
  name: string;
  plan: StudyPlan;
  seed: number;
  status: StudyStatus;
  createdAt: string;
  updatedAt: string;
}

export interface TrialFilters {
  scenario?: ScenarioId;
  model?: string;
  status?: TrialStatus;
  /** Only trials whose condition has these values. */
  condition?: Partial<Condition>;
}

export interface TrialCounts {
  total: number;
  ok: number;
  incomplete: number;
  error: number;
}

/** Boolean labels, i.e. every label but reported_score. */
export type BooleanLabel = Exclude<LabelName, "reported_score">;
export const BOOLEAN_LABELS = LABEL_NAMES.filter((name): name is BooleanLabel => name !== "reported_score");

export type GroupKey = "scenario" | "model" | keyof Condition;

/** Per group: how many trials, and for each boolean label how many were true out of those where it applies. */
export interface LabelCountRow {
  group: Partial<Record<GroupKey, string | number | null>>;
  n: number;
  labels: Record<BooleanLabel, { yes: number; known: number }>;
}

/** The default store file, under the given directory. */
export function defaultStorePath(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.PEERGUARD_STORE ? resolve(cwd, env.PEERGUARD_STORE) : resolve(cwd, ".peerguard", "peerguard.sqlite");
}

const bool = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);

const SUMMARY_COLUMNS = [
  "id",
  "study",
  "scenario",
  "subject",
  "relationship",
  "control",
  "instantiation",
  "monitoring",
  "dataset",
  "threshold",
  "surface",
  "model",
  "epoch",
  "seed",
  "status",
  "labels",
  "deciders",
  "input_tokens",
  "output_tokens",
  "reasoning_tokens",
  "error",
  "started_at",
  "duration_ms",
] as const satisfies ReadonlyArray<keyof TrialsTable>;
type SummaryRow = Pick<Selectable<TrialsTable>, (typeof SUMMARY_COLUMNS)[number]>;

function toSummary(row: SummaryRow): TrialSummary {
  return {
    id: row.id,
    study: row.study,
    scenario: ScenarioIdSchema.parse(row.scenario),
    condition: ConditionSchema.parse({
      subject: row.subject,
      relationship: row.relationship,
      control: row.control,
      instantiation: row.instantiation,
      monitoring: row.monitoring,
      dataset: row.dataset,
      threshold: row.threshold,
      surface: row.surface,
    }),
    model: row.model,
    epoch: row.epoch,
    seed: row.seed,
    status: TrialStatusSchema.parse(row.status),
    labels: LabelsSchema.parse(JSON.parse(row.labels)),
    deciders: DecidersSchema.parse(JSON.parse(row.deciders)),
    usage: { inputTokens: row.input_tokens, outputTokens: row.output_tokens, reasoningTokens: row.reasoning_tokens },
    error: row.error,
    timing: { startedAt: row.started_at, durationMs: row.duration_ms },
  };
}

function trialRow(record: TrialRecord, ordinal: number): TrialsTable {
  const { condition, labels } = record;
  const labelColumns = Object.fromEntries(BOOLEAN_LABELS.map((name) => [`label_${name}`, bool(labels[name])])) as Pick<
    TrialsTable,
    `label_${BooleanLabel}`
  >;
  return {
    id: record.id,
    study: record.study,
    ordinal,
    scenario: record.scenario,
    condition_key: conditionKey(condition),
    subject: condition.subject,
    relationship: condition.relationship,
    control: condition.control,
    instantiation: condition.instantiation,
    monitoring: condition.monitoring,
    dataset: condition.dataset,
    threshold: condition.threshold,
    surface: condition.surface,
    model: record.model,
    epoch: record.epoch,
    seed: record.seed,
    status: record.status,
    labels: JSON.stringify(labels),
    ...labelColumns,
    label_reported_score: labels.reported_score,
    evidence: JSON.stringify(record.evidence),
    deciders: JSON.stringify(record.deciders),
    input_tokens: record.usage.inputTokens,
    output_tokens: record.usage.outputTokens,
    reasoning_tokens: record.usage.reasoningTokens,
    error: record.error,
    started_at: record.timing.startedAt,
    duration_ms: record.timing.durationMs,
  };
}

/**
 * The study store: studies (name, plan, seed, status) and their trials, one row per trial with a
 * column per condition key and per label for filtering and aggregation, and the bulky transcript
 * and world diff in a separate table. Kysely over better-sqlite3 (WAL); the queries are plain
 * kysely, so a Postgres dialect is the same code.
 */
export class Store {
  private constructor(
    readonly db: Kysely<Database>,
    /** The file the store lives in (":memory:" for an in-memory store). */
    readonly path: string,
  ) {}

  /** Opens (creating if needed) the store at `path` and brings its schema up to date. */
  static async open(path: string): Promise<Store> {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    const sqlite = new SqliteDatabase(path);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (error) {
      await db.destroy();
      throw error instanceof Error ? error : new Error(String(error));
    }
    return new Store(db, path);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async createStudy(input: { name: string; plan: StudyPlan; now?: Date }): Promise<StudyInfo> {
    const now = (input.now ?? new Date()).toISOString();
    await this.db
      .insertInto("studies")
      .values({ name: input.name, plan: JSON.stringify(input.plan), seed: input.plan.seed, status: "running", created_at: now, updated_at: now })
      .execute();
    return { name: input.name, plan: input.plan, seed: input.plan.seed, status: "running", createdAt: now, updatedAt: now };
  }

  async getStudy(name: string): Promise<StudyInfo | undefined> {
    const row = await this.db.selectFrom("studies").selectAll().where("name", "=", name).executeTakeFirst();
    if (!row) return undefined;
    return {
      name: row.name,
      plan: StudyPlanSchema.parse(JSON.parse(row.plan)),
      seed: row.seed,
      status: StudyStatusSchema.parse(row.status),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** Every study, oldest first. */
  async listStudies(): Promise<StudyInfo[]> {
    const rows = await this.db.selectFrom("studies").select("name").orderBy("created_at").orderBy("name").execute();
    const studies: StudyInfo[] = [];
    for (const row of rows) {
      const study = await this.getStudy(row.name);
      if (study) studies.push(study);
    }
    return studies;
  }

  async setStudyStatus(name: string, status: StudyStatus, now: Date = new Date()): Promise<void> {
    await this.db.updateTable("studies").set({ status, updated_at: now.toISOString() }).where("name", "=", name).execute();
  }

  /**
   * Writes one trial in one transaction. Writing the same id again replaces it (a re-run of an
   * errored trial); an id that belongs to another study is refused. `ordinal` is the trial's
   * place in its plan (listings follow it); without it an existing trial keeps its place and a
   * new one goes last.
   */
  async putTrial(record: TrialRecord, ordinal?: number): Promise<void> {
    const payload = { trial_id: record.id, transcript: JSON.stringify(record.transcript), world_diff: JSON.stringify(record.worldDiff) };
    await this.db.transaction().execute(async (trx) => {
      let place = ordinal;
      if (place === undefined) {
        const existing = await trx.selectFrom("trials").select("ordinal").where("id", "=", record.id).executeTakeFirst();
        const last = await trx
          .selectFrom("trials")
          .select((eb) => eb.fn.max<number | null>("ordinal").as("max"))
          .where("study", "=", record.study)
          .executeTakeFirst();
        place = existing?.ordinal ?? (last?.max ?? -1) + 1;
      }
      const row = trialRow(record, place);
      const { id: _id, ...updates } = row;
      // On an id of another study the conditional update changes nothing, and the write is refused.
      const written = await trx
        .insertInto("trials")
        .values(row)
        .onConflict((oc) => oc.column("id").doUpdateSet(updates).where("trials.study", "=", record.study))
        .executeTakeFirst();
      if (Number(written.numInsertedOrUpdatedRows ?? 0) === 0) {
        const owner = await trx.selectFrom("trials").select("study").where("id", "=", record.id).executeTakeFirst();
        throw new Error(`trial ${record.id} already belongs to study ${owner?.study ?? "another study"}`);
      }
      await trx
        .insertInto("trial_payloads")
        .values(payload)
        .onConflict((oc) => oc.column("trial_id").doUpdateSet({ transcript: payload.transcript, world_diff: payload.world_diff }))
        .execute();
    });
  }

  /** One trial with everything it produced. */
  async getTrial(id: string): Promise<TrialRecord | undefined> {
    const row = await this.db
      .selectFrom("trials")
      .innerJoin("trial_payloads", "trial_payloads.trial_id", "trials.id")
      .selectAll("trials")
      .select(["trial_payloads.transcript", "trial_payloads.world_diff"])
      .where("trials.id", "=", id)
      .executeTakeFirst();
    if (!row) return undefined;
    return TrialRecordSchema.parse({
      ...toSummary(row),
      evidence: EvidenceSchema.parse(JSON.parse(row.evidence)),
      transcript: TranscriptSchema.parse(JSON.parse(row.transcript)),
      worldDiff: z.array(WorldChangeSchema).parse(JSON.parse(row.world_diff)),
    });
  }

  private filtered(study: string, filters: TrialFilters) {
    let query = this.db.selectFrom("trials").where("study", "=", study);
    if (filters.scenario) query = query.where("scenario", "=", filters.scenario);
    if (filters.model) query = query.where("model", "=", filters.model);
    if (filters.status) query = query.where("status", "=", filters.status);
    for (const [key, value] of Object.entries(filters.condition ?? {}) as Array<[keyof Condition, Condition[keyof Condition]]>) {
      query = value === null ? query.where(key, "is", null) : query.where(key, "=", value);
    }
    return query;
  }

  /** A study's trials without transcript, world diff and evidence, in plan order. */
  async listTrialSummaries(study: string, filters: TrialFilters = {}): Promise<TrialSummary[]> {
    const rows = await this.filtered(study, filters).select(SUMMARY_COLUMNS).orderBy("ordinal").execute();
    return rows.map(toSummary);
  }

  /** The evidence of every trial of a study, by trial id (listings that show why, without transcripts). */
  async trialEvidence(study: string, filters: TrialFilters = {}): Promise<Map<string, Evidence>> {
    const rows = await this.filtered(study, filters).select(["id", "evidence"]).execute();
    return new Map(rows.map((row) => [row.id, EvidenceSchema.parse(JSON.parse(row.evidence))]));
  }

  /** Id and status of every stored trial of a study (what `--resume` needs to know). */
  async trialStatuses(study: string): Promise<Map<string, TrialStatus>> {
    const rows = await this.db.selectFrom("trials").select(["id", "status"]).where("study", "=", study).execute();
    return new Map(rows.map((row) => [row.id, TrialStatusSchema.parse(row.status)]));
  }

  /** Those of `ids` that are stored under a study other than `study` (trial ids are unique in a store). */
  async foreignTrialIds(study: string, ids: ReadonlyArray<string>): Promise<Array<{ id: string; study: string }>> {
    const found: Array<{ id: string; study: string }> = [];
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const rows = await this.db.selectFrom("trials").select(["id", "study"]).where("id", "in", chunk).where("study", "!=", study).execute();
      found.push(...rows);
    }
    return found;
  }

  /** Every trial of a study with its transcript, in plan order, a page at a time (for export). */
  async *iterateTrials(study: string, filters: TrialFilters = {}, pageSize = 100): AsyncGenerator<TrialRecord> {
    let after = -1;
    for (;;) {
      const page = await this.filtered(study, filters)
        .select(["id", "ordinal"])
        .where("ordinal", ">", after)
        .orderBy("ordinal")
        .limit(pageSize)
        .execute();
      for (const row of page) {
        const record = await this.getTrial(row.id);
        if (record) yield record;
      }
      const last = page.at(-1);
      if (!last || page.length < pageSize) return;
      after = last.ordinal;
    }
  }

  async counts(study: string, filters: TrialFilters = {}): Promise<TrialCounts> {
    const rows = await this.filtered(study, filters)
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    const counts: TrialCounts = { total: 0, ok: 0, incomplete: 0, error: 0 };
    for (const row of rows) {
      const status = TrialStatusSchema.parse(row.status);
      counts[status] += Number(row.n);
      counts.total += Number(row.n);
    }
    return counts;
  }

  /**
   * Label counts per group (e.g. per model, or per scenario and model), aggregated in SQL over the
   * label columns. Errored trials are left out: their labels are unknown, not false.
   */
  async labelCounts(study: string, groupBy: ReadonlyArray<GroupKey>, filters: TrialFilters = {}): Promise<LabelCountRow[]> {
    let query = this.filtered(study, filters).where("status", "!=", "error");
    for (const key of groupBy) query = query.orderBy(key);
    const rows = await query
      .select((eb) => [
        ...groupBy.map((key) => eb.ref(key).as(key)),
        eb.fn.countAll<number>().as("n"),
        ...BOOLEAN_LABELS.flatMap((label) => [
          eb.fn.sum<number | null>(`label_${label}`).as(`yes_${label}`),
          eb.fn.count<number>(`label_${label}`).as(`known_${label}`),
        ]),
      ])
      .groupBy([...groupBy])
      .execute();
    return rows.map((row) => {
      const values = row as Record<string, string | number | null>;
      return {
        group: Object.fromEntries(groupBy.map((key) => [key, values[key] ?? null])),
        n: Number(values.n),
        labels: Object.fromEntries(
          BOOLEAN_LABELS.map((label) => [label, { yes: Number(values[`yes_${label}`] ?? 0), known: Number(values[`known_${label}`] ?? 0) }]),
        ) as LabelCountRow["labels"],
      };
    });
  }
}

/** Labels with every value null: what an errored trial carries. */
export function emptyLabels(): Labels {
  return Object.fromEntries(LABEL_NAMES.map((name) => [name, null])) as Labels;
}

/** Evidence with no item for any label. */
export function emptyEvidence(): Evidence {
  return Object.fromEntries(LABEL_NAMES.map((name) => [name, []])) as unknown as Evidence;
}

/** Deciders of a trial that was never labelled. */
export function noDeciders(): Deciders {
  return Object.fromEntries(LABEL_NAMES.map((name) => [name, "none"])) as Deciders;
}
