import SqliteDatabase from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache.js";

describe("withStatementCache", () => {
  let sqlite: SqliteDatabase.Database;
  beforeEach(() => {
    sqlite = new SqliteDatabase(":memory:");
    sqlite.exec("create table t (id integer primary key, name text)");
  });
  afterEach(() => {
    if (sqlite.open) sqlite.close();
  });

  it("prepares a statement once and hands it out again for the same SQL", () => {
    const cached = withStatementCache(sqlite);
    const first = cached.prepare("select * from t");
    expect(cached.prepare("select * from t")).toBe(first);
    expect(cached.prepare("select name from t")).not.toBe(first);
  });

  it("keeps only the most recently used statements", () => {
    const cached = withStatementCache(sqlite, 2);
    const a = cached.prepare("select 1");
    const b = cached.prepare("select 2");
    expect(cached.prepare("select 1")).toBe(a);
    cached.prepare("select 3");
    expect(cached.prepare("select 1")).toBe(a);
    expect(cached.prepare("select 2")).not.toBe(b);
  });

  it("serves kysely queries, streams and transactions with the right results", async () => {
    const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    for (let id = 1; id <= 3; id++) {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto("t").values({ id, name: `n${id}` }).execute();
      });
    }
    await expect(db.insertInto("t").values({ id: 1, name: "again" }).execute()).rejects.toThrow(/UNIQUE/);
    const names = () => db.selectFrom("t").select("name").orderBy("id");
    for await (const row of names().stream()) {
      // leaving a stream early must free its statement for the next run of the same query
      expect(row.name).toBe("n1");
      break;
    }
    const streamed: string[] = [];
    for await (const row of names().stream()) streamed.push(row.name);
    expect(streamed).toEqual(["n1", "n2", "n3"]);
    expect((await names().execute()).map((row) => row.name)).toEqual(["n1", "n2", "n3"]);
    expect(await db.selectFrom("t").select("name").where("id", "=", 2).executeTakeFirst()).toEqual({ name: "n2" });
    await db.destroy();
    expect(sqlite.open).toBe(false);
  });
});
