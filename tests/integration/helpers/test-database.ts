import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/client";
import { cloneTemplate, type TemplateName } from "./template-databases";

export interface TestDatabase {
  db: Db;
  file: string;
  url: string;
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** What it starts with (template-databases.ts): no rows, the seeded corpus, or the export fixture. */
  from?: TemplateName;
  /** Where the file goes, for tests whose modules read DATABASE_URL when they load. */
  file?: string;
}

/**
 * A real SQLite file of its own in a temp directory, copied from a template database with
 * every migration applied (and, if asked, the corpus seeded), and a Prisma client on it.
 */
export async function createTestDatabase({ from = "migrated", file }: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const target = file ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-test-")), "test.db");
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  await cloneTemplate(from, target);
  const url = `file:${target}`;
  const db = createDb(url);
  return {
    db,
    file: target,
    url,
    async close() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The seeded corpus with the export tests' reviewers, tags and notes (helpers/export-fixture.ts). */
export const createExportFixture = () => createTestDatabase({ from: "export-fixture" });
