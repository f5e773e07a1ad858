"use server";

import { revalidatePath } from "next/cache";
import { guardedWrite } from "@/lib/auth/guarded-write";
import { db } from "@/lib/db/client";
import { importDocument } from "@/lib/db/document-imports";
import { addDocumentVersion } from "@/lib/db/document-versions";
import { WriteError } from "@/lib/db/errors";
import { storeSuggestions } from "@/lib/db/suggestions";
import { ImportRefusal } from "@/lib/documents/import-refusal";
import { parseDocumentFile, parsePastedText } from "@/lib/documents/parse-document";
import { documentUploadSchema, uploadFromForm } from "@/lib/validation/document-upload";

export interface AddDocumentState {
  ok: boolean;
  message?: string;
  field?: string;
  slug?: string;
}

/**
 * Imports an uploaded file or pasted text as a new document (reviewers and admins).
 * Parse errors and refusals come back as a message on the form, never a 500; the page
 * navigates to the new document itself, so a failed upload never leaves the form.
 */
export async function addDocumentAction(_prev: AddDocumentState, form: FormData): Promise<AddDocumentState> {
  const result = await guardedWrite(documentUploadSchema, uploadFromForm(form), "reviewer", async (user, input) => {
    try {
      const imported = input.file
        ? await parseDocumentFile(input.file.name, new Uint8Array(await input.file.arrayBuffer()))
        : parsePastedText(input.text ?? "");
      if (input.versionOf) {
        const version = await addDocumentVersion(db, user.id, { slug: input.versionOf }, imported, input.file?.name);
        if (input.suggest) await storeSuggestions(db, version.documentId);
        return { slug: version.slug };
      }
      const doc = await importDocument(db, user.id, imported, { ...input, originalName: input.file?.name });
      if (input.suggest) await storeSuggestions(db, doc.id);
      return doc;
    } catch (error) {
      if (error instanceof ImportRefusal) throw new WriteError(error.message, "file");
      throw error;
    }
  });
  if (!result.ok) return { ok: false, message: result.error, field: result.field };
  revalidatePath("/documents");
  return { ok: true, slug: result.data.slug };
}
