import { createDb } from "../db/client";
import { databaseUrl } from "../db/database-url";
import { runAgreement } from "./commands/agreement";
import { runBackup, runRestore } from "./commands/backup";
import { runCoverage } from "./commands/coverage";
import { runCurate } from "./commands/curate";
import { runDocuments } from "./commands/documents";
import { runExport } from "./commands/export";
import { runImport } from "./commands/import";
import { runLinks } from "./commands/links";
import { runList } from "./commands/list";
import { runSearch } from "./commands/search";
import { runSeed } from "./commands/seed";
import { runUserAdd } from "./commands/user-add";
import { runUserPassword } from "./commands/user-password";
import { type CliIo, println } from "./io";
import { USAGE, UsageError } from "./usage";

/**
 * Runs one command and resolves to its exit status: 0 done, 1 failed, 2 called wrongly
 * (the message and the usage go to stderr). Never rejects.
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const isUsage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") === true;
    println(io.stderr, `error: ${error instanceof Error ? error.message : String(error)}`);
    if (isUsage) println(io.stderr, `\n${USAGE}`);
    return isUsage ? 2 : 1;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help") {
    println(io.stdout, USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "curate") return runCurate(rest, io).then(() => 0);
  if (command === "coverage") return (await runCoverage(rest, io)) ? 0 : 1;
  if (command === "backup") return runBackup(rest, io);
  if (command === "restore") return runRestore(rest, io);
  const db = createDb(databaseUrl(io.env));
  try {
    switch (command) {
      case "seed":
        if (rest.length) throw new UsageError(`seed takes no arguments, got "${rest.join(" ")}"`);
        await runSeed(db, io);
        await runLinks(db, ["detect"], io);
        return 0;
      case "user":
        if (rest[0] === "add") await runUserAdd(db, rest.slice(1), io);
        else if (rest[0] === "password") await runUserPassword(db, rest.slice(1), io);
        else throw new UsageError(`unknown user command "${rest[0] ?? ""}" (expected "user add" or "user password")`);
        return 0;
      case "list":
        await runList(db, rest, io);
        return 0;
      case "export":
        await runExport(db, rest, io);
        return 0;
      case "import":
        // No detection here: an import restores an export as it was, so that export → import →
        // export round-trips byte for byte; `links detect` can be run after it.
        await runImport(db, rest, io);
        return 0;
      case "documents":
        await runDocuments(db, rest, io);
        await runLinks(db, ["detect"], io);
        return 0;
      case "links":
        await runLinks(db, rest, io);
        return 0;
      case "search":
        await runSearch(db, rest, io);
        return 0;
      case "agreement":
        await runAgreement(db, rest, io);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await db.$disconnect();
  }
}
