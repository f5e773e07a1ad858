import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { exportFileJsonSchema } from "@/lib/export/export-file-schema";
import type { ExportFormat } from "@/lib/export/formats";
import { exportBuffer } from "./export-helpers";

/**
 * The golden files and how each is made. Tests only read them; `npm run test:update-golden`
 * (update-golden.ts) is the one thing that writes them, after an intended change: review its diff.
 */
export const GOLDEN_DIR = path.join("tests", "integration", "export", "golden");

/** Each format of the whole corpus, from the export fixture (fixed ids, dates and clock). */
export const EXPORT_GOLDEN: [ExportFormat, string][] = [
  ["md", "corpus.md"],
  ["html", "corpus.html"],
  ["csv", "corpus.csv"],
  ["csv-notes", "corpus-notes.csv"],
  ["json", "corpus.json"],
  ["jsonld", "corpus.jsonld"],
];

/** The PDF is compared through the text poppler extracts from it (its bytes carry a random ID). */
export const PDF_GOLDEN = "corpus.pdf.txt";

/** The JSON Schema the README documents, generated from the import's zod schema. */
export const SCHEMA_FILE = "lib/export/claimbook-export-v1.schema.json";

export const schemaText = () => `${JSON.stringify(exportFileJsonSchema(), null, 2)}\n`;

export async function pdfText(db: Db): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-golden-"));
  try {
    const pdf = path.join(dir, "corpus.pdf");
    fs.writeFileSync(pdf, await exportBuffer(db, "pdf"));
    return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A golden file's text, or a message saying how to create it (never written here). */
export function readGolden(file: string): string {
  if (!fs.existsSync(file))
    throw new Error(`${file} is missing: run \`npm run test:update-golden\` and review the diff`);
  return fs.readFileSync(file, "utf8");
}
