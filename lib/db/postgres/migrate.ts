import "server-only";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { listKnownMigrations } from "../migrations";
import { POSTGRES_MIGRATIONS_DIR } from "./derive-schema";

/**
 * Applies prisma/postgres/migrations to a PostgreSQL database. Prisma's own `migrate deploy`
 * cannot run here (its WebAssembly schema engine fails on PostgreSQL, prisma issue 27403),
 * so this runner keeps Prisma's `_prisma_migrations` table and semantics instead: one row
 * per migration, checksum = sha256 of migration.sql, applied = finished and not rolled back.
 * Each file runs in its own transaction, and the whole run holds an advisory lock, so two
 * app servers starting together cannot both migrate: the second waits, then finds nothing to do.
 */

/** The key of the advisory lock every Claimbook migration run takes (any constant bigint). */
export const MIGRATION_LOCK_KEY = 7_261_001_312;

/** A database this code must not migrate; the message says why and what to do. */
export class MigrationRefusedError extends Error {}

// Prisma's own definition (migrate deploy creates exactly this table), so a database
// migrated here reads the same to Prisma's tooling and to `claims backup`.
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
}

/** Refuses a history this code cannot build on: an unknown (newer) or changed migration. */
export function checkHistory(applied: HistoryRow[], known: Map<string, string>): void {
  for (const row of applied) {
    const checksum = known.get(row.migration_name);
    if (checksum === undefined) {
      throw new MigrationRefusedError(
        `The database has migration ${row.migration_name}, which this code does not have: it was migrated by a newer Claimbook. Upgrade the code instead.`,
      );
    }
    if (checksum !== row.checksum) {
      throw new MigrationRefusedError(
        `Migration ${row.migration_name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${checksum.slice(0, 12)}… in ${POSTGRES_MIGRATIONS_DIR}). Never edit an applied migration: restore the file and add a new migration.`,
      );
    }
  }
}

export async function migratePostgres(
  url: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrationReport> {
  const dir = options.dir ?? POSTGRES_MIGRATIONS_DIR;
  const log = options.log ?? (() => {});
  const known = listKnownMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(HISTORY_TABLE);
      const { rows } = await client.query<HistoryRow>(
        `SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name"`,
      );
      checkHistory(rows, known);
      const done = new Set(rows.map((r) => r.migration_name));
      const report: MigrationReport = { applied: [], alreadyApplied: [...done] };
      for (const [name, checksum] of known) {
        if (done.has(name)) continue;
        await applyOne(client, dir, name, checksum);
        report.applied.push(name);
        log(`Applied ${name}`);
      }
      return report;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyOne(client: pg.Client, dir: string, name: string, checksum: string): Promise<void> {
  const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
  const id = crypto.randomUUID();
  // The row is written first, as Prisma does, so a failure leaves a trace with its log.
  await client.query(`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name") VALUES ($1, $2, $3)`, [
    id,
    checksum,
    name,
  ]);
  try {
    await client.query("BEGIN");
    await client.query(sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    // The transaction undid every statement of the file: it is rolled back, and the next run retries it.
    await client.query(`UPDATE "_prisma_migrations" SET "rolled_back_at" = now(), "logs" = $2 WHERE "id" = $1`, [
      id,
      (error as Error).message,
    ]);
    throw new MigrationRefusedError(`Migration ${name} failed and was rolled back: ${(error as Error).message}`);
  }
}
