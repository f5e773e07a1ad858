import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupRefusedError } from "@/lib/db/backup";
import { listKnownMigrations } from "@/lib/db/migrations";
import { backupPostgres, restorePostgres } from "@/lib/db/postgres/backup";
import { POSTGRES_MIGRATIONS_DIR } from "@/lib/db/postgres/derive-schema";
import { searchClaims } from "@/lib/db/search";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const known = () => listKnownMigrations(POSTGRES_MIGRATIONS_DIR);
let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-pg-backup-"));
});

afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore on PostgreSQL (pg_dump custom format)", () => {
  it("restores the data, the search index and the triggers as they were at the backup", async () => {
    const dump = path.join(dir, "before.dump");
    const report = backupPostgres(t.url, dump, known());
    expect(report.migrations).toEqual([...known().keys()]);
    expect(report.pending).toEqual([]);
    const claims = await t.db.claim.count();

    const doomed = await t.db.claim.findFirstOrThrow({ where: { exact: { contains: "police" } } });
    await t.db.suggestedTag.deleteMany({ where: { claimId: doomed.id } });
    await t.db.claim.delete({ where: { id: doomed.id } });
    expect(await t.db.claim.count()).toBe(claims - 1);

    restorePostgres(dump, t.url, known());
    expect(await t.db.claim.count()).toBe(claims);
    expect((await searchClaims(t.db, { q: "police", limit: 100 })).hits.map((h) => h.claimId)).toContain(doomed.id);
    await expect(t.db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it("refuses a dump made by newer code, and an existing destination", async () => {
    const newer = path.join(dir, "newer.dump");
    const future = new Map([...known(), ["29990101000000_future", "0".repeat(64)]]);
    await t.db.$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "finished_at", "applied_steps_count") VALUES ('future', $1, '29990101000000_future', now(), 1)`,
      "0".repeat(64),
    );
    try {
      backupPostgres(t.url, newer, future);
    } finally {
      await t.db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "id" = 'future'`);
    }
    const error = (() => {
      try {
        restorePostgres(newer, t.url, known());
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as Error).message).toMatch(/newer or unknown schema \(migration 29990101000000_future/);
    expect(() => backupPostgres(t.url, newer, known())).toThrow(/already exists/);
  });
});
