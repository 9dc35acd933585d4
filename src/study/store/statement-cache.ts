import type { Database as SqliteDatabase, Statement } from "better-sqlite3";
import type { SqliteDatabase as KyselySqliteDatabase } from "kysely";

/**
 * better-sqlite3 as kysely's SQLite dialect sees it, keeping the most recently used prepared
 * statements: kysely prepares every query it runs, and preparing costs more than running the
 * small statements a trial write is made of. Only the single connection ever runs them, one at a
 * time, so a statement is never reused while it is still stepping.
 */
export function withStatementCache(sqlite: SqliteDatabase, capacity = 64): KyselySqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement) {
        // most recently used last, so the first entry is the one to drop
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
