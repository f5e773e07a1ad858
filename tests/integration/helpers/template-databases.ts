import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migratePostgres } from "@/lib/db/postgres/migrate";
import { seedCorpus } from "@/lib/seed/seed-corpus";
import { adminQuery, testEngineIsPostgres, withDatabase } from "@/tests/support/postgres/test-server";
import { writeExportFixture } from "./export-fixture";
import { postgresNameFor } from "./test-database-url";

/**
 * Template databases, built once per test run (global-setup.ts) and copied per test file or
 * test: copying a file takes milliseconds where migrating and seeding took seconds.
 *   migrated        every migration applied, no rows
 *   seeded          plus the five documents, their curated claims and the default tags
 *   export-fixture  plus the export tests' reviewers, tags and notes with fixed ids and dates
 * Under `npm run test:pg` (CLAIMBOOK_TEST_ENGINE=postgres) the templates are PostgreSQL
 * databases and a copy is CREATE DATABASE … TEMPLATE; the "file" then only names the copy.
 */
export const TEMPLATES = ["migrated", "seeded", "export-fixture"] as const;
export type TemplateName = (typeof TEMPLATES)[number];
export type TemplateFiles = Record<TemplateName, string>;

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabases: TemplateFiles;
  }
}

const MIGRATIONS = path.join("prisma", "migrations");

function migrate(file: string): void {
  const sqlite = new Database(file);
  try {
    for (const m of fs
      .readdirSync(MIGRATIONS)
      .filter((d) => fs.statSync(path.join(MIGRATIONS, d)).isDirectory())
      .sort()) {
      sqlite.exec(fs.readFileSync(path.join(MIGRATIONS, m, "migration.sql"), "utf8"));
    }
  } finally {
    sqlite.close();
  }
}

/** Folds the WAL into the main file, so that one file is the whole database. */
function checkpoint(file: string): void {
  const sqlite = new Database(file);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}

function copyDatabase(from: string, to: string): void {
  checkpoint(from);
  fs.copyFileSync(from, to);
}

async function withDb(fileOrUrl: string, write: (db: Db) => Promise<unknown>): Promise<void> {
  const db = createDb(fileOrUrl.startsWith("postgres") ? fileOrUrl : `file:${fileOrUrl}`);
  try {
    await write(db);
  } finally {
    await db.$disconnect();
  }
}

function pgServer(): string {
  const server = process.env.CLAIMBOOK_TEST_PG_SERVER;
  if (!server)
    throw new Error("CLAIMBOOK_TEST_PG_SERVER is not set: run through vitest (tests/integration/global-setup.ts).");
  return server;
}

// CREATE DATABASE … TEMPLATE fails while another session uses the template, e.g. another
// worker copying it at the same moment: wait and retry.
async function copyPostgres(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(pgServer(), `CREATE DATABASE "${to}" TEMPLATE "${from}"`);
      return;
    } catch (error) {
      if (!/being accessed by other users/.test((error as Error).message) || attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

async function buildPostgresTemplates(): Promise<TemplateFiles> {
  const run = process.env.CLAIMBOOK_TEST_PG_RUN;
  const files = Object.fromEntries(
    TEMPLATES.map((name) => [name, `claimbook_tpl_${run}_${name.replace("-", "_")}`]),
  ) as TemplateFiles;
  await adminQuery(pgServer(), `CREATE DATABASE "${files.migrated}" TEMPLATE template0 ENCODING 'UTF8'`);
  await migratePostgres(withDatabase(pgServer(), files.migrated));
  await copyPostgres(files.migrated, files.seeded);
  await withDb(withDatabase(pgServer(), files.seeded), seedCorpus);
  await copyPostgres(files.seeded, files["export-fixture"]);
  await withDb(withDatabase(pgServer(), files["export-fixture"]), writeExportFixture);
  return files;
}

/** Builds every template in `dir` (or, on PostgreSQL, on the test server), each from the one before it. */
export async function buildTemplates(dir: string): Promise<TemplateFiles> {
  return testEngineIsPostgres() ? buildPostgresTemplates() : buildSqliteTemplates(dir);
}

/** The SQLite templates as files in `dir`, whatever engine the run tests (a PostgreSQL test may start from SQLite). */
export async function buildSqliteTemplates(dir: string): Promise<TemplateFiles> {
  const files = Object.fromEntries(TEMPLATES.map((name) => [name, path.join(dir, `${name}.db`)])) as TemplateFiles;
  migrate(files.migrated);
  copyDatabase(files.migrated, files.seeded);
  await withDb(files.seeded, seedCorpus);
  copyDatabase(files.seeded, files["export-fixture"]);
  await withDb(files["export-fixture"], writeExportFixture);
  checkpoint(files["export-fixture"]);
  return files;
}

let local: Promise<TemplateFiles> | undefined;

/** The run's templates (from global-setup.ts), or, outside Vitest (update-golden.ts), built once here. */
function templateFiles(): Promise<TemplateFiles> {
  if (process.env.VITEST) return Promise.resolve(inject("templateDatabases"));
  local ??= buildTemplates(fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-templates-")));
  return local;
}

/** A copy of a template at `file` (on PostgreSQL: a database named after `file`, see testDatabaseUrl). */
export async function cloneTemplate(name: TemplateName, file: string): Promise<void> {
  const source = (await templateFiles())[name];
  if (!source)
    throw new Error(`no template database "${name}": is tests/integration/global-setup.ts in the Vitest config?`);
  if (testEngineIsPostgres()) return copyPostgres(source, postgresNameFor(file));
  fs.copyFileSync(source, file);
}
