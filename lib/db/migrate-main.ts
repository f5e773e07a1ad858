import "server-only";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { databaseUrl, engineOf } from "./database-url";
import { MigrationRefusedError, migratePostgres } from "./postgres/migrate";

/**
 * `npm run db:migrate`: applies pending migrations to the database DATABASE_URL names.
 * SQLite goes through Prisma's `migrate deploy` (its WebAssembly schema engine); PostgreSQL
 * through lib/db/postgres/migrate.ts, since that engine cannot migrate PostgreSQL.
 */
async function main(): Promise<number> {
  const url = databaseUrl();
  if (engineOf(url) === "sqlite") {
    const result = spawnSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      stdio: "inherit",
      // Prisma's start-up check wants native engines it cannot download; the wasm engine does the work.
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "package.json", PRISMA_QUERY_ENGINE_LIBRARY: "package.json" },
    });
    return result.status ?? 1;
  }
  const report = await migratePostgres(url, { log: (line) => console.log(line) });
  console.log(
    report.applied.length
      ? `PostgreSQL: applied ${report.applied.length} migration(s).`
      : `PostgreSQL: all ${report.alreadyApplied.length} migrations have been applied; nothing to do.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `error: ${error instanceof MigrationRefusedError || error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
