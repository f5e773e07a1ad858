import "server-only";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BackupRefusedError, type DatabaseFileReport } from "../backup";

/**
 * `claims backup|restore` on PostgreSQL: pg_dump's custom format, the database's own tool,
 * consistent while the app runs (one snapshot) and restorable with pg_restore. Point-in-time
 * recovery (WAL archiving, base backups) is the operator's job, not the app's: see the README.
 */

const CLIENT_TOOLS_MISSING =
  "needs PostgreSQL's client tools (pg_dump, pg_restore) on the PATH: install them (Debian: apt-get install postgresql-client, " +
  "the same major version as the server or newer), or back up with your provider's tooling (snapshots, pgBackRest, WAL archiving).";

function tool(name: "pg_dump" | "pg_restore", args: string[]): string {
  const result = spawnSync(name, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT")
    throw new BackupRefusedError(`${name} was not found: this ${CLIENT_TOOLS_MISSING}`);
  if (result.status !== 0) throw new BackupRefusedError(`${name} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

interface HistoryRow {
  name: string;
  checksum: string;
}

/** The applied migrations in a dump, read from its copy of `_prisma_migrations`. */
function migrationsInDump(file: string): HistoryRow[] {
  const sql = tool("pg_restore", ["--data-only", "--table=_prisma_migrations", "--file=-", file]);
  const copy = sql.match(/^COPY public\._prisma_migrations \(([^)]*)\) FROM stdin;\n([\s\S]*?)^\\\.$/m);
  if (!copy) throw new BackupRefusedError(`${file} is not a Claimbook database dump (it has no migration history).`);
  const columns = copy[1].split(",").map((c) => c.trim().replace(/"/g, ""));
  const at = (name: string) => columns.indexOf(name);
  return copy[2]
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split("\t"))
    .filter((f) => f[at("finished_at")] !== "\\N" && f[at("rolled_back_at")] === "\\N")
    .map((f) => ({ name: f[at("migration_name")], checksum: f[at("checksum")] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Refuses a migration history this code does not know (newer, or changed SQL). */
function report(rows: HistoryRow[], known: Map<string, string>, what: string, bytes: number): DatabaseFileReport {
  for (const row of rows) {
    const checksum = known.get(row.name);
    if (checksum === undefined)
      throw new BackupRefusedError(
        `${what} has a newer or unknown schema (migration ${row.name} is not part of this code): upgrade Claimbook before restoring it.`,
      );
    if (checksum !== row.checksum)
      throw new BackupRefusedError(`${what} applied migration ${row.name} with different SQL than this code has.`);
  }
  const applied = new Set(rows.map((r) => r.name));
  return { migrations: [...applied], pending: [...known.keys()].filter((n) => !applied.has(n)), bytes };
}

/** An online, consistent dump of the database (pg_dump --format=custom), checked before it gets its name. */
export function backupPostgres(url: string, destination: string, known: Map<string, string>): DatabaseFileReport {
  if (fs.existsSync(destination))
    throw new BackupRefusedError(`${destination} already exists: choose a new file name.`);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    tool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, `--dbname=${url}`]);
    const checked = report(migrationsInDump(partial), known, "the database", fs.statSync(partial).size);
    fs.renameSync(partial, destination);
    return checked;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Replaces the database's contents with a dump after checking its migrations: pg_restore
 * --clean in one transaction, so a failure leaves the database as it was. Stop the app
 * servers first, so no session works on stale state.
 */
export function restorePostgres(dump: string, url: string, known: Map<string, string>): DatabaseFileReport {
  if (!fs.existsSync(dump)) throw new BackupRefusedError(`${dump} does not exist.`);
  const checked = report(migrationsInDump(dump), known, dump, fs.statSync(dump).size);
  tool("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    `--dbname=${url}`,
    dump,
  ]);
  return checked;
}
