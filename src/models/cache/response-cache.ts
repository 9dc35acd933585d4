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

interface OpenCache {
  db: Database.Database;
  get: Database.Statement<[string], { value: string }>;
  put: Database.Statement<[string, string, number, string]>;
}

/**
 * Model answers stored on disk by request key (see responseCacheKey), so re-running a study pays
 * for nothing it already has. One SQLite file, safe for several processes (WAL), created on first
 * use: a study refused before its first model call leaves no file behind.
 */
export class ResponseCache {
  private opened: OpenCache | null = null;

  constructor(readonly path: string = DEFAULT_CACHE_PATH) {}

  private open(): OpenCache {
    if (this.opened) return this.opened;
    if (this.path !== ":memory:") mkdirSync(dirname(this.path), { recursive: true });
    const db = new Database(this.path);
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    // A cache may lose its last answers on a power cut (they are asked again), never its consistency:
    // WAL without a sync per write, which cost as much CPU as a model call's parsing.
    db.pragma("synchronous = NORMAL");
    db.exec("CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, model TEXT NOT NULL, epoch INTEGER NOT NULL, value TEXT NOT NULL)");
    this.opened = {
      db,
      get: db.prepare("SELECT value FROM responses WHERE key = ?"),
      put: db.prepare("INSERT OR REPLACE INTO responses (key, model, epoch, value) VALUES (?, ?, ?, ?)"),
    };
    return this.opened;
  }

  get(key: string): BackendTurn | undefined {
    const row = this.open().get.get(key);
    if (!row) return undefined;
    const parsed = EntrySchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : undefined;
  }

  put(key: string, model: string, epoch: number, entry: BackendTurn): void {
    this.open().put.run(key, model, epoch, JSON.stringify(entry));
  }

  get size(): number {
    return (this.open().db.prepare("SELECT count(*) AS n FROM responses").get() as { n: number }).n;
  }

  close(): void {
    this.opened?.db.close();
    this.opened = null;
  }
}
