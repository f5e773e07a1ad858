import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { seedCorpus } from "@/lib/seed/seed-corpus";
import { writeExportFixture } from "./export-fixture";

/**
 * Template databases, built once per test run (global-setup.ts) and copied per test file or
 * test: copying a file takes milliseconds where migrating and seeding took seconds.
 *   migrated        every migration applied, no rows
 *   seeded          plus the five documents, their curated claims and the default tags
 *   export-fixture  plus the export tests' reviewers, tags and notes with fixed ids and dates
 * SQLite only for now: another engine would build its templates here too (PostgreSQL can
 * clone a database with CREATE DATABASE … TEMPLATE) and `cloneTemplate` would branch on it.
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

async function withDb(file: string, write: (db: Db) => Promise<unknown>): Promise<void> {
  const db = createDb(`file:${file}`);
  try {
    await write(db);
  } finally {
    await db.$disconnect();
  }
}

/** Builds every template in `dir`, each from the one before it. */
export async function buildTemplates(dir: string): Promise<TemplateFiles> {
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

/** A copy of a template at `file`. */
export async function cloneTemplate(name: TemplateName, file: string): Promise<void> {
  const source = (await templateFiles())[name];
  if (!source)
    throw new Error(`no template database "${name}": is tests/integration/global-setup.ts in the Vitest config?`);
  fs.copyFileSync(source, file);
}
