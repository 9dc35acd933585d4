import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { JsonValueSchema, ModelTurnSchema } from "../types.js";
import type { BackendTurn } from "../reliability/backend.js";

export const DEFAULT_CACHE_PATH = ".peerguard/cache.sqlite";

const EntrySchema = z.object({
  turn: ModelTurnSchema,
  replay: JsonValueSchema.nullable(),
  malformed: z.array(z.object({ toolName: z.string(), detail: z.string() })),
});

/**
 * Model answers stored on disk by request key (see responseCacheKey), so re-running a study pays
 * for nothing it already has. One SQLite file, safe for several processes (WAL).
 */
export class ResponseCache {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string], { value: string }>;
  private readonly putStmt: Database.Statement<[string, string, number, string]>;

  constructor(readonly path: string = DEFAULT_CACHE_PATH) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    // A cache may lose its last answers on a power cut (they are asked again), never its consistency:
    // WAL without a sync per write, which cost as much CPU as a model call's parsing.
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, model TEXT NOT NULL, epoch INTEGER NOT NULL, value TEXT NOT NULL)",
    );
    this.getStmt = this.db.prepare("SELECT value FROM responses WHERE key = ?");
    this.putStmt = this.db.prepare("INSERT OR REPLACE INTO responses (key, model, epoch, value) VALUES (?, ?, ?, ?)");
  }

  get(key: string): BackendTurn | undefined {
    const row = this.getStmt.get(key);
    if (!row) return undefined;
    const parsed = EntrySchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : undefined;
  }

  put(key: string, model: string, epoch: number, entry: BackendTurn): void {
    this.putStmt.run(key, model, epoch, JSON.stringify(entry));
  }

  get size(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM responses").get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
