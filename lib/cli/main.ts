import { createDb } from "../db/client";
import { runBackup, runRestore } from "./commands/backup";
import { runCoverage } from "./commands/coverage";
import { runCurate } from "./commands/curate";
import { runDocuments } from "./commands/documents";
import { runExport } from "./commands/export";
import { runImport } from "./commands/import";
import { runList } from "./commands/list";
import { runSearch } from "./commands/search";
import { runSeed } from "./commands/seed";
import { runUserAdd } from "./commands/user-add";
import { USAGE, UsageError } from "./usage";

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help") {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "curate") return runCurate(rest).then(() => 0);
  if (command === "coverage") return (await runCoverage(rest)) ? 0 : 1;
  if (command === "backup") return runBackup(rest);
  if (command === "restore") return runRestore(rest);
  const db = createDb();
  try {
    switch (command) {
      case "seed":
        if (rest.length) throw new UsageError(`seed takes no arguments, got "${rest.join(" ")}"`);
        await runSeed(db);
        return 0;
      case "user":
        if (rest[0] !== "add") throw new UsageError(`unknown user command "${rest[0] ?? ""}" (expected "user add")`);
        await runUserAdd(db, rest.slice(1));
        return 0;
      case "list":
        await runList(db, rest);
        return 0;
      case "export":
        await runExport(db, rest);
        return 0;
      case "import":
        await runImport(db, rest);
        return 0;
      case "documents":
        await runDocuments(db, rest);
        return 0;
      case "search":
        await runSearch(db, rest);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await db.$disconnect();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (isUsage) console.error(`\n${USAGE}`);
    process.exit(isUsage ? 2 : 1);
  },
);
