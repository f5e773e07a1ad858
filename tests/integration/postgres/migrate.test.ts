import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { POSTGRES_MIGRATIONS_DIR } from "@/lib/db/postgres/derive-schema";
import { MigrationRefusedError, migratePostgres } from "@/lib/db/postgres/migrate";
import { adminQuery, withDatabase } from "@/tests/support/postgres/test-server";

const server = process.env.CLAIMBOOK_TEST_PG_SERVER as string;
const run = process.env.CLAIMBOOK_TEST_PG_RUN as string;
const created: string[] = [];
let counter = 0;

async function freshDatabase(): Promise<string> {
  const name = `claimbook_t_${run}_migrate_${process.pid}_${counter++}`;
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  created.push(name);
  return withDatabase(server, name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of the migrations folder a test may change. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-pg-migrations-"));
  fs.cpSync(POSTGRES_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

afterEach(async () => {
  await adminQuery(server, ...created.splice(0).map((d) => `DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`));
});

const shipped = fs.readdirSync(POSTGRES_MIGRATIONS_DIR).sort();

describe("the PostgreSQL migration runner", () => {
  it("applies every migration once, recording Prisma's history with sha256 checksums", async () => {
    const url = await freshDatabase();
    expect((await migratePostgres(url)).applied).toEqual(shipped);
    expect(await migratePostgres(url)).toEqual({ applied: [], alreadyApplied: shipped });
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(shipped);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(POSTGRES_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("lets only one of several servers starting together migrate (advisory lock)", async () => {
    const url = await freshDatabase();
    const reports = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    // Without the lock the others would run the same CREATE TABLEs and fail.
    expect(reports.map((r) => r.applied.length).sort()).toEqual([0, 0, shipped.length]);
    const [{ count }] = await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(count)).toBe(shipped.length);
  });

  it("refuses an applied migration whose file has changed since", async () => {
    const url = await freshDatabase();
    const dir = copyOfMigrations();
    await migratePostgres(url, { dir });
    fs.appendFileSync(path.join(dir, shipped[0], "migration.sql"), "\n-- edited afterwards\n");
    await expect(migratePostgres(url, { dir })).rejects.toThrow(
      new RegExp(`Migration ${shipped[0]} was changed after it was applied`),
    );
    fs.rmSync(dir, { recursive: true });
  });

  it("refuses a database migrated by newer code", async () => {
    const url = await freshDatabase();
    const dir = copyOfMigrations();
    fs.mkdirSync(path.join(dir, "29990101000000_future"));
    fs.writeFileSync(path.join(dir, "29990101000000_future", "migration.sql"), "SELECT 1;");
    await migratePostgres(url, { dir });
    await expect(migratePostgres(url)).rejects.toThrow(/29990101000000_future, which this code does not have/);
    fs.rmSync(dir, { recursive: true });
  });

  it("rolls a failing migration back whole, records why, and retries it next time", async () => {
    const url = await freshDatabase();
    const dir = copyOfMigrations();
    const broken = path.join(dir, "29990101000000_broken");
    fs.mkdirSync(broken);
    fs.writeFileSync(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "Half" ("id" TEXT);\nSELECT no_such_function();`,
    );
    const error = await migratePostgres(url, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationRefusedError);
    expect((error as Error).message).toMatch(/29990101000000_broken failed and was rolled back/);
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toEqual([]);
    const [row] = await query<{ logs: string; rolled_back_at: Date | null }>(
      url,
      `SELECT logs, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(row.logs).toMatch(/no_such_function/);
    expect(row.rolled_back_at).not.toBeNull();
    fs.writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "Half" ("id" TEXT);`);
    expect((await migratePostgres(url, { dir })).applied).toEqual(["29990101000000_broken"]);
    fs.rmSync(dir, { recursive: true });
  });
});
