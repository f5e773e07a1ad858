import { z } from "zod";
import { EXPORT_FILE_VERSION, exportFileSchema } from "../validation/export-file";

/** The JSON Schema (draft 2020-12) of the JSON export, generated from the zod schema the import uses. */
export function exportFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(exportFileSchema, { target: "draft-2020-12" }),
    $id: `https://claimbook.invalid/schemas/claimbook-export-v${EXPORT_FILE_VERSION}.schema.json`,
    title: `Claimbook export, version ${EXPORT_FILE_VERSION}`,
    description:
      "Documents (file name, sha256, full text) with their claims: W3C-style position (start, end; UTF-16 code units) and quote (exact, prefix, suffix) selectors, the enclosing paragraph, tags per reviewer, curated suggested tags, status and threaded notes. Re-importable with `npm run claims -- import <file>`.",
  };
}
