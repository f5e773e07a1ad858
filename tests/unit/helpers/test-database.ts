import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb, type Db } from "@/lib/db/client";

const MIGRATIONS = path.join("prisma", "migrations");

export interface TestDatabase {
  db: Db;
  file: string;
  url: string;
  close(): Promise<void>;
}

/**
 * A real SQLite file in a temp directory with every migration applied, and a Prisma client on it.
 * `file` names the file instead, for tests whose modules read DATABASE_URL when they load.
 */
export function createTestDatabase(
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-test-")), "test.db"),
): TestDatabase {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const sqlite = new Database(file);
  for (const migration of fs
    .readdirSync(MIGRATIONS)
    .filter((d) => fs.statSync(path.join(MIGRATIONS, d)).isDirectory())
    .sort()) {
    sqlite.exec(fs.readFileSync(path.join(MIGRATIONS, migration, "migration.sql"), "utf8"));
  }
  sqlite.close();
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    file,
    url,
    async close() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
