import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

/** A fresh SQLite file in a temp directory with every migration applied. */
export function createBenchDatabase(label: string): { dir: string; file: string; sqlite: Database.Database } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimbook-bench-${label}-`));
  const file = path.join(dir, "bench.db");
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const migrations = path.join("prisma", "migrations");
  for (const m of fs
    .readdirSync(migrations)
    .filter((d) => fs.statSync(path.join(migrations, d)).isDirectory())
    .sort()) {
    sqlite.exec(fs.readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  }
  return { dir, file, sqlite };
}

/** The database's size on disk after folding the WAL back in. */
export function databaseBytes(sqlite: Database.Database, file: string): number {
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  return [file, `${file}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}
