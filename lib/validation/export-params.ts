import { z } from "zod";
import { EXPORT_FORMATS } from "../export/formats";
import { MAX_QUERY_LENGTH } from "../search/query-syntax";

const formatSchema = z.enum(EXPORT_FORMATS, { error: `Format must be one of: ${EXPORT_FORMATS.join(", ")}.` });
const documentSchema = z
  .string()
  .trim()
  .min(1, { error: "Document must not be empty." })
  .max(200, { error: "Document must be at most 200 characters." })
  .regex(/^[\w.-]+$/, { error: "Document must be a file name or slug (letters, digits, '.', '-', '_')." });

/** A search query, in the search page's language. */
const queryText = z.string().max(MAX_QUERY_LENGTH, { error: `Query must be at most ${MAX_QUERY_LENGTH} characters.` });

/**
 * The download route's query string. An empty `document` (the "all documents" choice of
 * the form) means the whole corpus; `q` keeps the claims a search finds (within `document`
 * when both are given). Unknown parameters are refused, so a misspelt one is an error
 * rather than ignored.
 */
export const exportParamsSchema = z.strictObject({
  format: formatSchema,
  document: z.preprocess((v) => (v === "" ? undefined : v), documentSchema.optional()),
  // Blank (the form's empty field) means no search.
  q: queryText.transform((v) => v.trim() || undefined).optional(),
});

/** `claims export` flags. */
export const cliExportArgsSchema = z.object({
  format: formatSchema,
  document: documentSchema.optional(),
  query: queryText
    .trim()
    .min(1, { error: "Query must not be empty (leave --query out to export every claim)." })
    .optional(),
  out: z.string({ error: "Give the output file (or - for standard output)." }).min(1),
  baseUrl: z.url({ protocol: /^https?$/, error: "Base URL must be an http(s) URL." }),
});
