import { parseArgs } from "node:util";
import type { Db } from "../../db/client";
import { agreementJson, agreementLines } from "../../review/agreement-text";
import { loadAgreement, UnknownAgreementDocumentError } from "../../review/load-agreement";
import { type CliIo, println } from "../io";
import { UsageError } from "../usage";

/** `claims agreement [--document <file-or-slug>] [--json]`: the agreement page's figures. */
export async function runAgreement(db: Db, args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { document: { type: "string" }, json: { type: "boolean", default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length)
    throw new UsageError(`agreement takes no positional arguments, got "${positionals.join(" ")}"`);
  if (values.document !== undefined && values.document.trim() === "")
    throw new UsageError("--document: give a file name or slug");
  const view = await loadAgreement(db, values.document ?? null).catch((error: unknown) => {
    if (error instanceof UnknownAgreementDocumentError) throw new UsageError(`--document: ${error.message}`);
    throw error;
  });
  if (values.json) io.stdout.write(`${JSON.stringify(agreementJson(view), null, 2)}\n`);
  else for (const l of agreementLines(view)) println(io.stdout, l);
}
