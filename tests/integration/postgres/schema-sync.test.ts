import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA } from "@/lib/db/postgres/derive-schema";
import { migratePostgres } from "@/lib/db/postgres/migrate";
import { adminQuery, withDatabase } from "@/tests/support/postgres/test-server";

// The migrations in prisma/postgres/migrations must build exactly the tables, columns,
// indexes and foreign keys the derived schema describes: a migration that forgets a column
// or a hand-edit that drifts fails here. Prisma's own check (migrate diff --from-migrations)
// needs its schema engine on PostgreSQL, which does not run here; so both are built and
// their catalogs compared.

const server = process.env.CLAIMBOOK_TEST_PG_SERVER as string;
const run = process.env.CLAIMBOOK_TEST_PG_RUN as string;
const fromMigrations = `claimbook_t_${run}_sync_migrated`;
const fromDatamodel = `claimbook_t_${run}_sync_datamodel`;

async function catalog(database: string, tables: string[]) {
  const client = new pg.Client({ connectionString: withDatabase(server, database) });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql, [tables])).rows.map((r) => Object.values(r).join(" | "));
    return {
      columns: await q(
        `SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = ANY($1) ORDER BY table_name, column_name`,
      ),
      indexes: await q(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1) ORDER BY indexname`,
      ),
      constraints: await q(
        `SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text IN (SELECT quote_ident(t) FROM unnest($1::text[]) t)
         ORDER BY conname`,
      ),
    };
  } finally {
    await client.end();
  }
}

async function tablesOf(database: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: withDatabase(server, database) });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    return rows.map((r) => r.t);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await adminQuery(server, `CREATE DATABASE "${fromMigrations}"`, `CREATE DATABASE "${fromDatamodel}"`);
  await migratePostgres(withDatabase(server, fromMigrations));
  const diff = spawnSync(
    "node_modules/.bin/prisma",
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", POSTGRES_SCHEMA, "--script"],
    {
      encoding: "utf8",
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "package.json", PRISMA_QUERY_ENGINE_LIBRARY: "package.json" },
    },
  );
  expect(diff.status, diff.stderr).toBe(0);
  const client = new pg.Client({ connectionString: withDatabase(server, fromDatamodel) });
  await client.connect();
  await client.query(diff.stdout);
  await client.end();
});

afterAll(async () => {
  await adminQuery(
    server,
    `DROP DATABASE IF EXISTS "${fromMigrations}" WITH (FORCE)`,
    `DROP DATABASE IF EXISTS "${fromDatamodel}" WITH (FORCE)`,
  );
});

describe("prisma/postgres/migrations", () => {
  it("build every model table of the derived schema, with the same columns, indexes and keys", async () => {
    const modelTables = await tablesOf(fromDatamodel);
    expect(modelTables.length).toBeGreaterThan(5);
    const migratedTables = await tablesOf(fromMigrations);
    // The migrations add only Prisma's history and the search index.
    expect(migratedTables.filter((t) => !modelTables.includes(t)).sort()).toEqual([
      "ClaimSearch",
      "_prisma_migrations",
    ]);
    expect(await catalog(fromMigrations, modelTables)).toEqual(await catalog(fromDatamodel, modelTables));
  });
});
