import {
  BackupRefusedError,
  backupDatabase,
  type DatabaseFileReport,
  restoreDatabase,
  sqliteFileOf,
} from "../../db/backup";
import { databaseUrl } from "../../db/database-url";
import { listKnownMigrations } from "../../db/migrations";
import { type CliIo, println } from "../io";
import { UsageError } from "../usage";

function oneFile(command: string, args: string[]): string {
  if (args.length !== 1 || args[0].startsWith("-"))
    throw new UsageError(`${command} takes exactly one file, got "${args.join(" ")}"`);
  return args[0];
}

const describe = (r: DatabaseFileReport) =>
  `${(r.bytes / 1024).toFixed(0)} KiB, ${r.migrations.length} migration(s) applied`;

/** `backup <file>`: an online, consistent copy of the database the app is using. */
export async function runBackup(args: string[], io: CliIo): Promise<number> {
  const file = oneFile("backup", args);
  const source = sqliteFileOf(databaseUrl(io.env));
  try {
    const report = await backupDatabase(source, file, listKnownMigrations());
    println(io.stdout, `backed up ${source} to ${file} (${describe(report)}; integrity ok)`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupRefusedError)) throw error;
    println(io.stderr, `error: backup refused: ${error.message}`);
    return 1;
  }
}

/** `restore <file>`: replaces the database with a checked backup; refuses a corrupt or newer one. */
export async function runRestore(args: string[], io: CliIo): Promise<number> {
  const file = oneFile("restore", args);
  const target = sqliteFileOf(databaseUrl(io.env));
  try {
    const report = await restoreDatabase(file, target, listKnownMigrations());
    println(io.stdout, `restored ${target} from ${file} (${describe(report)}; integrity ok)`);
    if (report.pending.length)
      println(
        io.stdout,
        `the backup predates ${report.pending.length} migration(s): run \`npm run db:migrate\` before starting the app`,
      );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupRefusedError)) throw error;
    println(io.stderr, `error: restore refused: ${error.message}`);
    return 1;
  }
}
