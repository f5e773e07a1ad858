import { z } from "zod";
import { describeBytes, MAX_FILE_BYTES, MAX_TEXT_CHARS } from "../documents/limits";
import { documentMetadataSchema } from "./document-import";

/**
 * The "Add document" form as FormData turns it into an object: a file or pasted text
 * (exactly one), the optional metadata fields.
 */
export const documentUploadSchema = documentMetadataSchema
  .extend({
    file: z
      .instanceof(File, { error: "must be a file" })
      .optional()
      // An empty file input arrives as a 0-byte File named "" (or "blob" once Next has decoded
      // the form): that is no file. A 0-byte file with a real name was chosen, and is refused as empty.
      .transform((f) => (f && (f.size > 0 || /\.[a-z0-9]+$/i.test(f.name)) ? f : undefined))
      .refine((f) => !f || f.size <= MAX_FILE_BYTES, {
        error: `The file is over the ${describeBytes(MAX_FILE_BYTES)} limit.`,
      }),
    text: z
      .string()
      .max(MAX_TEXT_CHARS, { error: `Pasted text can be at most ${MAX_TEXT_CHARS.toLocaleString("en")} characters.` })
      .optional()
      .transform((t) => (t?.trim() ? t : undefined)),
    /** The slug of the document this is a new version of, if it is one. */
    versionOf: z
      .string()
      .max(200)
      .regex(/^[a-z0-9-]*$/, { error: "must be a document slug" })
      .optional()
      .transform((s) => s || undefined),
    /** Suggest claims for the new document (a checkbox: "yes" when ticked). */
    suggest: z
      .enum(["yes"], { error: "must be yes or absent" })
      .optional()
      .transform((v) => v === "yes"),
  })
  .refine((u) => Boolean(u.file) !== Boolean(u.text), {
    error: "Choose a file or paste text (not both).",
    path: ["file"],
  });
export type DocumentUpload = z.infer<typeof documentUploadSchema>;

/** The FormData fields the schema reads (anything else is ignored, not merged blindly). */
export function uploadFromForm(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const file = form.get("file");
  return {
    file: file instanceof File ? file : undefined,
    text: text("text"),
    title: text("title"),
    author: text("author"),
    publication: text("publication"),
    date: text("date"),
    sourceUrl: text("sourceUrl"),
    versionOf: text("versionOf"),
    suggest: text("suggest"),
  };
}
