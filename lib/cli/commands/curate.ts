import fs from "node:fs";
import path from "node:path";
import { documentsDir } from "../../seed/corpus-files";
import { fillSelectors } from "../../seed/fill-selectors";
import { draftClaimFileSchema } from "../../validation/curated-claims";
import { describeFirstIssue } from "../../validation/first-issue";
import { type CliIo, println } from "../io";
import { UsageError } from "../usage";

/** Fills ids and selectors into curated claim files, in place. */
export async function runCurate(files: string[], io: CliIo): Promise<void> {
  if (files.length === 0) throw new UsageError("curate needs at least one claims file");
  for (const file of files) {
    const parsed = draftClaimFileSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${file}: ${describeFirstIssue(parsed.error)}`);
    const text = fs.readFileSync(path.join(documentsDir(), parsed.data.document), "utf8");
    const curated = fillSelectors(text, parsed.data);
    fs.writeFileSync(file, `${JSON.stringify(curated, null, 2)}\n`);
    println(io.stdout, `${file}: ${curated.claims.length} claims, ${curated.nonClaims.length} non-claims`);
  }
}
