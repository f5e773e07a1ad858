import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Db } from "../../db/client";
import { importDocument } from "../../db/document-imports";
import { addDocumentVersion } from "../../db/document-versions";
import { storeSuggestions } from "../../db/suggestions";
import { parseDocumentFile } from "../../documents/parse-document";
import { documentMetadataSchema } from "../../validation/document-import";
import { type CliIo, println } from "../io";
import { createProgressBar } from "../progress";
import { UsageError } from "../usage";

/** `claims documents add <file> [--title …] …`: import a text, Markdown, HTML, PDF or Word file. */
export async function runDocuments(db: Db, args: string[], io: CliIo): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new UsageError(`unknown documents command "${sub ?? ""}" (expected "documents add")`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      title: { type: "string" },
      author: { type: "string" },
      publication: { type: "string" },
      date: { type: "string" },
      "source-url": { type: "string" },
      "version-of": { type: "string" },
      suggest: { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError("documents add takes exactly one file");
  const parsed = documentMetadataSchema.safeParse({
    title: values.title,
    author: values.author,
    publication: values.publication,
    date: values.date,
    sourceUrl: values["source-url"],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = String(issue.path[0]) === "sourceUrl" ? "source-url" : String(issue.path[0]);
    throw new UsageError(`--${flag}: ${issue.message}`);
  }
  const file = positionals[0];
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  const bar = createProgressBar(`reading ${path.basename(file)}`, io.stderr, "pages");
  const imported = await parseDocumentFile(file, fs.readFileSync(file), (done, total) => bar.update(done, total));
  bar.finish();
  const versionOf = values["version-of"];
  if (versionOf !== undefined) {
    // A stored file name, a slug, or the path of a shipped file (its base name is the stored name).
    const ref = path.basename(versionOf);
    const r = await addDocumentVersion(db, null, { slug: ref, fileName: ref }, imported, path.basename(file));
    const { unchanged, moved, fuzzy, orphaned } = r.report;
    println(
      io.stdout,
      `version ${r.number} of "${r.title}" (${r.slug}): ${unchanged} claim(s) unchanged, ${moved} moved, ${fuzzy} fuzzy (to confirm), ${orphaned} orphaned`,
    );
    const { carried, dropped } = r.suggestions;
    if (carried + dropped > 0)
      println(io.stdout, `${carried} pending suggestion(s) carried over, ${dropped} dropped (their passage changed)`);
    if (values.suggest) printSuggested(io, await storeSuggestions(db, r.documentId));
    return;
  }
  const doc = await importDocument(db, null, imported, { ...parsed.data, originalName: path.basename(file) });
  println(
    io.stdout,
    `imported ${path.basename(file)} as "${doc.title}" (${doc.slug}): ${imported.text.length.toLocaleString("en")} characters, sha256 ${imported.sha256}`,
  );
  if (values.suggest) printSuggested(io, await storeSuggestions(db, doc.id));
}

function printSuggested(io: CliIo, s: { added: number; pending: number }) {
  println(io.stdout, `${s.added} new suggested claim(s); ${s.pending} wait for a reviewer's decision`);
}
