import fs from "node:fs";
import { type ExportFile, exportFileSchema } from "../validation/export-file";
import { verifyExportFile } from "./verify-import";

/** Larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export class ImportFileError extends Error {
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n  …and ${problems.length - shown.length} more` : "";
    super(`the file cannot be imported; nothing was changed:\n  ${shown.join("\n  ")}${more}`);
  }
}

/** Parses and checks an export file completely before anything touches the database. */
export function parseImportFile(raw: string): ExportFile {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ImportFileError([`not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ImportFileError(
      parsed.error.issues.slice(0, 20).map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`),
    );
  }
  const problems = verifyExportFile(parsed.data);
  if (problems.length) throw new ImportFileError(problems);
  return parsed.data;
}

export function readImportFile(file: string): ExportFile {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error("not a regular file");
    size = stat.size;
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (size > MAX_IMPORT_BYTES)
    throw new ImportFileError([`${file} is ${size} bytes; the limit is ${MAX_IMPORT_BYTES}`]);
  return parseImportFile(fs.readFileSync(file, "utf8"));
}
