import { z } from "zod";
import { isCalendarDate } from "../documents/document-metadata";
import { isWellFormedText, WELL_FORMED_MESSAGE } from "./unicode";

/** An optional one-line metadata field: empty means "take it from the file". */
const field = (max: number) =>
  z
    .string()
    .max(max, { error: `must be at most ${max} characters` })
    .refine(isWellFormedText, { error: WELL_FORMED_MESSAGE })
    .transform((s) => s.replace(/\s+/g, " ").trim() || undefined)
    .optional();

/**
 * What a person may say about a document they import (browser form, CLI flags) or later
 * correct on its page. Every field is optional on import: what the file itself says
 * (HTML title, PDF info, DOCX core properties) fills the gaps.
 */
export const documentMetadataSchema = z.strictObject({
  title: field(300),
  author: field(200),
  publication: field(200),
  date: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: "must be a date as YYYY-MM-DD" })
    .refine((d) => d === "" || isCalendarDate(d), { error: "is not a real date" })
    .transform((d) => d || undefined)
    .optional(),
  sourceUrl: z
    .string()
    .max(2000)
    .refine((u) => u.trim() === "" || /^https?:\/\//i.test(u.trim()), { error: "must be an http(s) URL" })
    .transform((u) => u.trim() || undefined)
    .optional(),
});
export type DocumentMetadataInput = z.infer<typeof documentMetadataSchema>;

/** The admin's edit of a stored document's metadata: the same fields, keyed by document. */
export const editDocumentMetadataSchema = documentMetadataSchema.extend({ documentId: z.string().min(1).max(64) });
