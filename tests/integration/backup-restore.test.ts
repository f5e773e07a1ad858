import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupRefusedError, backupDatabase, inspectDatabaseFile, restoreDatabase } from "@/lib/db/backup";
import { createDb, type Db } from "@/lib/db/client";
import { listKnownMigrations } from "@/lib/db/migrations";
import { createUser } from "@/lib/db/users";
import { seedCorpus } from "@/lib/seed/seed-corpus";
import { claims as runClaims } from "./helpers/run-cli";

let dir: string;
let live: string;
let db: Db;
const known = listKnownMigrations();

/** `npm run claims -- …` in process, against the live test database. */
const claims = (...args: string[]) => runClaims(`file:${live}`, ...args);

const userCount = (file: string) => {
  const d = new Database(file, { readonly: true });
  try {
    return (d.prepare("SELECT count(*) AS n FROM User").get() as { n: number }).n;
  } finally {
    d.close();
  }
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-backup-"));
  live = path.join(dir, "live.db");
  // The real migration path (prisma migrate deploy), so the file carries Prisma's migration history.
  const migrated = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    env: { ...process.env, DATABASE_URL: `file:${live}` },
    encoding: "utf8",
  });
  expect(migrated.status, migrated.stderr).toBe(0);
  db = createDb(`file:${live}`);
  await seedCorpus(db);
  await createUser(
    db,
    { email: "first@example.test", name: "First", role: "reviewer", password: "a long enough password" },
    null,
  );
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("keeps the live database in WAL mode", () => {
    const d = new Database(live, { readonly: true });
    expect(d.pragma("journal_mode", { simple: true })).toBe("wal");
    d.close();
  });

  it("backs up online while the app writes, into one consistent self-contained file", async () => {
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await db.setting.upsert({
          where: { key: `load.${written}` },
          create: { key: `load.${written}`, value: "x".repeat(2000) },
          update: {},
        });
        written++;
        // Yield as a server between requests does; a bare loop of resolved promises would starve the backup.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const file = path.join(dir, "online.db");
    const report = await backupDatabase(live, file, known);
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect(report.migrations).toEqual([...known.keys()]);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    expect((copy.prepare("SELECT count(*) AS n FROM Claim").get() as { n: number }).n).toBeGreaterThan(100);
    copy.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  it("backs up and restores from the command line, and refuses to overwrite a backup", async () => {
    const file = path.join(dir, "cli.db");
    const backup = await claims("backup", file);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("integrity ok");
    expect(await claims("backup", file)).toMatchObject({ code: 1, stderr: expect.stringContaining("already exists") });
    expect((await claims("backup")).code).toBe(2);

    const before = userCount(live);
    await createUser(
      db,
      { email: "later@example.test", name: "Later", role: "viewer", password: "a long enough password" },
      null,
    );
    expect(userCount(live)).toBe(before + 1);

    const restore = await claims("restore", file);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`restored ${live} from ${file}`);
    expect(userCount(live)).toBe(before);
    // The app's open client sees the restored database, not a mix.
    expect(await db.user.findUnique({ where: { email: "later@example.test" } })).toBeNull();
    const d = new Database(live, { readonly: true });
    expect(d.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(d.pragma("journal_mode", { simple: true })).toBe("wal");
    d.close();
  });

  it("refuses a file that is not a database, and a corrupt one, leaving the live database untouched", async () => {
    const users = userCount(live);
    const garbage = path.join(dir, "garbage.db");
    fs.writeFileSync(garbage, Buffer.alloc(64 * 1024, 0x5a));
    const refused = await claims("restore", garbage);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/restore refused: .*garbage\.db is not a readable SQLite database/);

    const good = path.join(dir, "to-corrupt.db");
    await backupDatabase(live, good, known);
    const corrupt = path.join(dir, "corrupt.db");
    const bytes = fs.readFileSync(good);
    // Scribble over pages past the header: the file still opens, but its b-trees are broken.
    for (let i = 8192; i < bytes.length; i += 4096) bytes.fill(0xff, i + 16, i + 600);
    fs.writeFileSync(corrupt, bytes);
    expect(() => inspectDatabaseFile(corrupt, known)).toThrow(BackupRefusedError);
    await expect(restoreDatabase(corrupt, live, known)).rejects.toThrow(
      /corrupt\.db (is corrupt|is not a readable SQLite database)/,
    );
    await expect(restoreDatabase(path.join(dir, "missing.db"), live, known)).rejects.toThrow("does not exist");
    expect(userCount(live)).toBe(users);
  });

  it("refuses a backup from a newer schema, a changed migration, or a database that is not Claimbook's", async () => {
    const users = userCount(live);
    const newer = path.join(dir, "newer.db");
    await backupDatabase(live, newer, known);
    const n = new Database(newer);
    n.prepare(
      "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'abc', 1, '29990101000000_from_the_future', 1, 1)",
    ).run();
    n.close();
    await expect(restoreDatabase(newer, live, known)).rejects.toThrow(
      /newer or unknown schema \(migration 29990101000000_from_the_future is not part of this code\)/,
    );

    const changed = path.join(dir, "changed.db");
    await backupDatabase(live, changed, known);
    const c = new Database(changed);
    c.prepare("UPDATE _prisma_migrations SET checksum = 'different'").run();
    c.close();
    await expect(restoreDatabase(changed, live, known)).rejects.toThrow(/with different SQL than this code has/);

    const foreign = path.join(dir, "foreign.db");
    const f = new Database(foreign);
    f.exec("CREATE TABLE t (x)");
    f.close();
    await expect(restoreDatabase(foreign, live, known)).rejects.toThrow(/not a Claimbook database/);
    expect(userCount(live)).toBe(users);
  });

  it("accepts a backup older than this code, naming the migrations still to run", async () => {
    const older = path.join(dir, "older.db");
    await backupDatabase(live, older, known);
    const newerCode = new Map([...known, ["29990101000000_next", "sum"]]);
    expect(inspectDatabaseFile(older, newerCode).pending).toEqual(["29990101000000_next"]);
  });
});
