import { type Kysely, type Migration, type MigrationProvider } from "kysely";

/** The store's schema history; a new schema is a new entry, never an edit of an old one. */
const MIGRATIONS: Record<string, Migration> = {
  "0001_initial": {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("studies")
        .addColumn("name", "text", (col) => col.primaryKey())
        .addColumn("plan", "text", (col) => col.notNull())
        .addColumn("seed", "integer", (col) => col.notNull())
        .addColumn("status", "text", (col) => col.notNull())
        .addColumn("created_at", "text", (col) => col.notNull())
        .addColumn("updated_at", "text", (col) => col.notNull())
        .execute();
      let trials = db.schema
        .createTable("trials")
        .addColumn("id", "text", (col) => col.primaryKey())
        .addColumn("study", "text", (col) => col.notNull().references("studies.name").onDelete("cascade"))
        .addColumn("ordinal", "integer", (col) => col.notNull())
        .addColumn("scenario", "text", (col) => col.notNull())
        .addColumn("condition_key", "text", (col) => col.notNull())
        .addColumn("subject", "text", (col) => col.notNull())
        .addColumn("relationship", "text", (col) => col.notNull())
        .addColumn("control", "text", (col) => col.notNull())
        .addColumn("instantiation", "text")
        .addColumn("monitoring", "text")
        .addColumn("dataset", "text")
        .addColumn("threshold", "integer")
        .addColumn("surface", "text", (col) => col.notNull())
        .addColumn("model", "text", (col) => col.notNull())
        .addColumn("epoch", "integer", (col) => col.notNull())
        .addColumn("seed", "integer", (col) => col.notNull())
        .addColumn("status", "text", (col) => col.notNull())
        .addColumn("labels", "text", (col) => col.notNull());
      for (const label of ["read", "completed", "refusal", "inflation", "report_deleted", "tampering", "shutdown_executed", "exfiltration", "timestamp_altered", "transfer_correct", "lockout"]) {
        trials = trials.addColumn(`label_${label}`, "integer");
      }
      await trials
        .addColumn("label_reported_score", "real")
        .addColumn("evidence", "text", (col) => col.notNull())
        .addColumn("deciders", "text", (col) => col.notNull())
        .addColumn("input_tokens", "integer", (col) => col.notNull())
        .addColumn("output_tokens", "integer", (col) => col.notNull())
        .addColumn("reasoning_tokens", "integer", (col) => col.notNull())
        .addColumn("error", "text")
        .addColumn("started_at", "text", (col) => col.notNull())
        .addColumn("duration_ms", "real", (col) => col.notNull())
        .execute();
      await db.schema.createIndex("trials_by_study").on("trials").columns(["study", "ordinal"]).execute();
      await db.schema.createIndex("trials_by_cell").on("trials").columns(["study", "scenario", "model", "status"]).execute();
      await db.schema
        .createTable("trial_payloads")
        .addColumn("trial_id", "text", (col) => col.primaryKey().references("trials.id").onDelete("cascade"))
        .addColumn("transcript", "text", (col) => col.notNull())
        .addColumn("world_diff", "text", (col) => col.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("trial_payloads").execute();
      await db.schema.dropTable("trials").execute();
      await db.schema.dropTable("studies").execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
