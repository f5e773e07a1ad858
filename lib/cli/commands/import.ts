import { randomBytes } from "node:crypto";
import { hashPassword } from "../../auth/password";
import type { Db } from "../../db/client";
import { importExportFile } from "../../db/import-export-file";
import { readImportFile } from "../../export/read-import-file";
import { type CliIo, println } from "../io";
import { UsageError } from "../usage";

/** `claims import <file.json>`: the whole file is checked first, then written in one transaction. */
export async function runImport(db: Db, args: string[], io: CliIo): Promise<void> {
  if (args.length !== 1 || args[0].startsWith("-"))
    throw new UsageError("import takes exactly one argument: the JSON export file");
  const file = readImportFile(args[0]);
  // People the database does not know get inactive accounts whose password nobody knows.
  const unusablePasswordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const r = await importExportFile(db, file, { actorId: null, unusablePasswordHash });
  println(
    io.stdout,
    `imported ${args[0]}: ${r.documentsCreated} document(s) created; ${r.claimsCreated} claim(s) created, ${r.claimsMatched} already present; ` +
      `${r.reviewerTagsAdded} reviewer tag(s) and ${r.notesCreated} note(s) added; ${r.usersCreated} account(s) and ${r.tagsCreated} tag(s) created`,
  );
}
