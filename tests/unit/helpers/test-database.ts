import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb, type Db } from "@/lib/db/client";
import { adminQuery, testEngineIsPostgres } from "@/tests/support/postgres/test-server";
import { postgresNameFor, testDatabaseUrl } from "./test-database-url";

export { testDatabaseUrl };

const MIGRATIONS = path.join("prisma", "migrations");

export interface TestDatabase {
  db: Db;
  /** The SQLite file (on PostgreSQL: the file name the database's name was derived from). */
  file: string;
  url: string;
  close(): Promise<void>;
}

function newTempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-test-")), "test.db");
}

function createSqliteFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  for (const migration of fs
    .readdirSync(MIGRATIONS)
    .filter((d) => fs.statSync(path.join(MIGRATIONS, d)).isDirectory())
    .sort()) {
    sqlite.exec(fs.readFileSync(path.join(MIGRATIONS, migration, "migration.sql"), "utf8"));
  }
  sqlite.close();
}

// CREATE DATABASE … TEMPLATE copies the migrated template of the global setup. It runs in a
// child process so this function stays synchronous, as the tests call it.
const CREATE_FROM_TEMPLATE = `
const pg = require("pg");
const [server, name, template] = process.argv.slice(1);
(async () => {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query('CREATE DATABASE "' + name + '" TEMPLATE "' + template + '"');
      return;
    } catch (error) {
      // Another worker copying the template at the same moment: wait and retry.
      if (!/being accessed by other users/.test(error.message) || attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    } finally {
      await client.end();
    }
  }
})().catch((error) => { console.error(error.message); process.exit(1); });
`;

function createPostgresDatabase(name: string): void {
  const result = spawnSync(
    process.execPath,
    ["-e", CREATE_FROM_TEMPLATE, process.env.CLAIMBOOK_TEST_PG_SERVER!, name, process.env.CLAIMBOOK_TEST_PG_TEMPLATE!],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`could not create the test database ${name}: ${result.stderr}`);
}

/**
 * A real, migrated test database and a Prisma client on it: a SQLite file in a temp
 * directory, or, under CLAIMBOOK_TEST_ENGINE=postgres, a PostgreSQL database of its own
 * (dropped by close()). `file` names the file instead, for tests whose modules read
 * DATABASE_URL when they load (see testDatabaseUrl).
 */
export function createTestDatabase(file = newTempFile()): TestDatabase {
  const dir = path.dirname(file);
  if (testEngineIsPostgres()) {
    const name = postgresNameFor(file);
    createPostgresDatabase(name);
    const url = testDatabaseUrl(file);
    const db = createDb(url);
    return {
      db,
      file,
      url,
      async close() {
        await db.$disconnect();
        await adminQuery(process.env.CLAIMBOOK_TEST_PG_SERVER!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  createSqliteFile(file);
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
