import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import type { Db } from "../../db/client";
import { env } from "../../env";
import type { ExportFormat } from "../../export/formats";
import { renderExport } from "../../export/render-export";
import { ExportQueryError, resolveScope, scopeRequestOf, UnknownDocumentError } from "../../export/scope";
import { DEFAULT_BASE_URL, openExportSource } from "../../export/source";
import { cliExportArgsSchema } from "../../validation/export-params";
import { describeFirstIssue } from "../../validation/first-issue";
import { type CliIo, println } from "../io";
import { createProgressBar } from "../progress";
import { UsageError } from "../usage";

/** `claims export`: writes to a temporary file and renames it, so a failed export leaves no half file. */
export async function runExport(db: Db, args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: "string" },
      document: { type: "string" },
      query: { type: "string" },
      out: { type: "string" },
      "base-url": { type: "string" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length) throw new UsageError(`export takes no positional arguments, got "${positionals.join(" ")}"`);
  const parsed = cliExportArgsSchema.safeParse({
    ...values,
    baseUrl: values["base-url"] ?? env(io.env).CLAIMBOOK_BASE_URL ?? DEFAULT_BASE_URL,
  });
  if (!parsed.success)
    throw new UsageError(describeFirstIssue(parsed.error, (f) => `--${f === "baseUrl" ? "base-url" : f}`));
  const { format, document, query, out, baseUrl } = parsed.data;
  const scope = await resolveScope(db, scopeRequestOf({ document, q: query })).catch((error: unknown) => {
    if (error instanceof UnknownDocumentError) throw new UsageError(`--document: ${error.message}`);
    if (error instanceof ExportQueryError) throw new UsageError(`--query: ${error.message}`);
    throw error;
  });
  const outputs: [ExportFormat, string][] = [[format, out]];
  // The claims CSV comes with its notes CSV beside it.
  if (format === "csv" && out !== "-") outputs.push(["csv-notes", notesPath(out)]);
  for (const [fmt, file] of outputs) {
    const bar = createProgressBar(`${fmt} ${file === "-" ? "stdout" : path.basename(file)}`, io.stderr);
    const source = await openExportSource(db, scope, { baseUrl, onProgress: (done, total) => bar.update(done, total) });
    const chunks = Readable.from(renderExport(fmt, source));
    if (file === "-") {
      await pipeline(chunks, io.stdout, { end: false });
      bar.finish();
      continue;
    }
    const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
      await pipeline(chunks, fs.createWriteStream(tmp, { flags: "wx" }));
      fs.renameSync(tmp, file);
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw new Error(`cannot write ${file}: ${(error as Error).message}`);
    } finally {
      bar.finish();
    }
    println(io.stderr, `wrote ${file} (${source.progressDone} claims, ${scope.label})`);
  }
}

export function notesPath(out: string): string {
  const ext = path.extname(out);
  return `${ext ? out.slice(0, -ext.length) : out}-notes${ext || ".csv"}`;
}
