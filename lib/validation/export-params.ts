import { z } from "zod";
import { EXPORT_FORMATS } from "../export/formats";

const formatSchema = z.enum(EXPORT_FORMATS, { error: `Format must be one of: ${EXPORT_FORMATS.join(", ")}.` });
const documentSchema = z
  .string()
  .trim()
  .min(1, { error: "Document must not be empty." })
  .max(200, { error: "Document must be at most 200 characters." })
  .regex(/^[\w.-]+$/, { error: "Document must be a file name or slug (letters, digits, '.', '-', '_')." });

/**
 * The download route's query string. An empty `document` (the "all documents" choice of
 * the form) means the whole corpus. Unknown parameters are refused, so a misspelt one
 * (or a search query, which is not supported yet) is an error rather than ignored.
 */
export const exportParamsSchema = z.strictObject({
  format: formatSchema,
  document: z.preprocess((v) => (v === "" ? undefined : v), documentSchema.optional()),
});
export type ExportParams = z.infer<typeof exportParamsSchema>;

/** `claims export` flags. */
export const cliExportArgsSchema = z.object({
  format: formatSchema,
  document: documentSchema.optional(),
  out: z.string({ error: "Give the output file (or - for standard output)." }).min(1),
  baseUrl: z.url({ protocol: /^https?$/, error: "Base URL must be an http(s) URL." }),
});
