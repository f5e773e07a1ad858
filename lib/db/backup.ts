import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS } from "./sqlite-adapter";

/** A backup or restore that would be unsafe; the message says why and what to do. */
export class BackupRefusedError extends Error {}

export interface DatabaseFileReport {
  /** Applied migrations, oldest first. */
  migrations: string[];
  /** Migrations this code has that the file lacks: run `npm run db:migrate` after restoring. */
  pending: string[];
  bytes: number;
}

/** The file path of a `file:` SQLite URL. */
export function sqliteFileOf(url: string): string {
  return url.replace(/^file:/, "");
}

function integrityProblems(db: Database.Database): string[] {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
}

/**
 * Checks that a file is a healthy Claimbook database this code can run on: a SQLite file
 * that passes `PRAGMA integrity_check`, whose applied migrations are all known here with
 * the same checksum (a newer or foreign schema is refused, never half-understood).
 */
export function inspectDatabaseFile(file: string, known: Map<string, string>): DatabaseFileReport {
  if (!fs.existsSync(file)) throw new BackupRefusedError(`${file} does not exist.`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems = integrityProblems(db);
    if (problems.length)
      throw new BackupRefusedError(
        `${file} is corrupt (integrity check: ${problems.slice(0, 3).join("; ")}); it was not restored.`,
      );
    const history = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!history)
      throw new BackupRefusedError(
        `${file} is not a Claimbook database (it has no migration history); it was not restored.`,
      );
    const rows = db
      .prepare(
        "SELECT migration_name AS name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
      )
      .all() as { name: string; checksum: string }[];
    for (const row of rows) {
      const checksum = known.get(row.name);
      if (checksum === undefined)
        throw new BackupRefusedError(
          `${file} has a newer or unknown schema (migration ${row.name} is not part of this code): upgrade Claimbook before restoring it.`,
        );
      if (checksum !== row.checksum)
        throw new BackupRefusedError(
          `${file} applied migration ${row.name} with different SQL than this code has; it was not restored.`,
        );
    }
    const applied = new Set(rows.map((r) => r.name));
    return {
      migrations: [...applied],
      pending: [...known.keys()].filter((name) => !applied.has(name)),
      bytes: fs.statSync(file).size,
    };
  } catch (error) {
    if (error instanceof BackupRefusedError) throw error;
    throw new BackupRefusedError(
      `${file} is not a readable SQLite database (${(error as Error).message}); it was not restored.`,
    );
  } finally {
    db?.close();
  }
}

// One step copies every page: the destination is written in one transaction either way,
// and fewer steps mean fewer restarts when the live database changes meanwhile.
const ALL_PAGES = () => 1_000_000_000;

/**
 * An online, consistent copy of the live database: SQLite's backup API reads a snapshot
 * while the app goes on writing. The copy is written beside the destination, checked,
 * switched to a single-file journal and then renamed into place, so a half-written
 * backup never carries the final name.
 */
export async function backupDatabase(
  sourceFile: string,
  destination: string,
  known: Map<string, string>,
): Promise<DatabaseFileReport> {
  if (!fs.existsSync(sourceFile)) throw new BackupRefusedError(`There is no database at ${sourceFile}.`);
  if (fs.existsSync(destination))
    throw new BackupRefusedError(`${destination} already exists: choose a new file name.`);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new Database(sourceFile, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    await source.backup(partial, { progress: ALL_PAGES });
  } finally {
    source.close();
  }
  const copy = new Database(partial);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  try {
    const report = inspectDatabaseFile(partial, known);
    fs.renameSync(partial, destination);
    return report;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Replaces the database with a backup after checking it (see inspectDatabaseFile). The
 * pages are copied with SQLite's backup API into the live file inside one write
 * transaction: readers see the old or the new database, never a mix, and a crash mid-way
 * leaves the old one. Stop the app first anyway, so no session works on stale state.
 */
export async function restoreDatabase(
  backupFile: string,
  targetFile: string,
  known: Map<string, string>,
): Promise<DatabaseFileReport> {
  const report = inspectDatabaseFile(backupFile, known);
  fs.mkdirSync(path.dirname(path.resolve(targetFile)), { recursive: true });
  const backup = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(targetFile, { progress: ALL_PAGES });
  } finally {
    backup.close();
  }
  const restored = new Database(targetFile, { timeout: BUSY_TIMEOUT_MS });
  try {
    restored.pragma("journal_mode = WAL");
    const problems = integrityProblems(restored);
    if (problems.length) throw new Error(`the restored database fails its integrity check: ${problems.join("; ")}`);
  } finally {
    restored.close();
  }
  return report;
}
