import { createHash } from "node:crypto";
import { testEngineIsPostgres, withDatabase } from "@/tests/support/postgres/test-server";

// Kept apart from test-database.ts, which loads the Prisma client: a test that must set
// DATABASE_URL before lib/db/client loads imports this module first.

/** The name of the PostgreSQL database that stands for a test's SQLite file. */
export function postgresNameFor(file: string): string {
  const run = process.env.CLAIMBOOK_TEST_PG_RUN;
  if (!run)
    throw new Error("CLAIMBOOK_TEST_ENGINE=postgres needs the global setup of vitest.config.ts (run through vitest).");
  return `claimbook_t_${run}_${createHash("sha256").update(file).digest("hex").slice(0, 16)}`;
}

/**
 * The DATABASE_URL of the test database `createTestDatabase(file)` makes, for tests whose
 * modules read DATABASE_URL as they load (set it before importing them).
 */
export function testDatabaseUrl(file: string): string {
  if (!testEngineIsPostgres()) return `file:${file}`;
  const server = process.env.CLAIMBOOK_TEST_PG_SERVER;
  if (!server) throw new Error("CLAIMBOOK_TEST_PG_SERVER is not set: run through vitest (its global setup).");
  return withDatabase(server, postgresNameFor(file));
}
