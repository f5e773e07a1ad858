"use server";

import { z } from "zod";
import { guardedWrite } from "@/lib/auth/guarded-write";
import {
  adjustClaimSpan,
  createClaim,
  describeClaim,
  setClaimDeleted,
  setClaimStatus,
  setReviewerTag,
} from "@/lib/db/claim-writes";
import { db } from "@/lib/db/client";
import { editDocumentMetadata } from "@/lib/db/document-imports";
import { resolveAnchor } from "@/lib/db/document-versions";
import { redactedWrite } from "@/lib/db/independent-review";
import { addNote, changeNote } from "@/lib/db/notes";
import { acceptSuggestion, acceptSuggestionsInParagraph, rejectSuggestion } from "@/lib/db/suggestions";
import { listNotesForReading } from "@/lib/notes/notes-for-reading";
import {
  acceptParagraphSuggestionsSchema,
  acceptSuggestionSchema,
  adjustSpanSchema,
  claimVersionSchema,
  createClaimSchema,
  describeClaimSchema,
  rejectSuggestionSchema,
  resolveAnchorSchema,
  setStatusSchema,
  setTagSchema,
} from "@/lib/validation/claim";
import { editDocumentMetadataSchema } from "@/lib/validation/document-import";
import { addNoteSchema, deleteNoteSchema, editNoteSchema } from "@/lib/validation/note";

// Thin: parse, guard, call lib/db. Each is a public endpoint, so each goes through guardedWrite.
// A claim that comes back is redacted for a reviewer under independent review (lib/db/independent-review).

export async function createClaimAction(input: unknown) {
  return guardedWrite(createClaimSchema, input, "reviewer", (user, i) =>
    redactedWrite(db, user, () => createClaim(db, user.id, i)),
  );
}

export async function adjustSpanAction(input: unknown) {
  return guardedWrite(adjustSpanSchema, input, "reviewer", (user, i) =>
    redactedWrite(db, user, () => adjustClaimSpan(db, user.id, i)),
  );
}

export async function setStatusAction(input: unknown) {
  return guardedWrite(setStatusSchema, input, "reviewer", (user, i) =>
    redactedWrite(db, user, () => setClaimStatus(db, user.id, i)),
  );
}

export async function describeClaimAction(input: unknown) {
  return guardedWrite(describeClaimSchema, input, "reviewer", (user, i) =>
    redactedWrite(db, user, () => describeClaim(db, user.id, i)),
  );
}

export async function acceptSuggestionAction(input: unknown) {
  return guardedWrite(acceptSuggestionSchema, input, "reviewer", (user, i) =>
    redactedWrite(db, user, () => acceptSuggestion(db, user.id, i)),
  );
}

export async function rejectSuggestionAction(input: unknown) {
  return guardedWrite(rejectSuggestionSchema, input, "reviewer", (user, i) => rejectSuggestion(db, user.id, i));
}

export async function acceptParagraphSuggestionsAction(input: unknown) {
  return guardedWrite(acceptParagraphSuggestionsSchema, input, "reviewer", (user, i) =>
    acceptSuggestionsInParagraph(db, user.id, i),
  );
}

export async function deleteClaimAction(input: unknown) {
  return guardedWrite(claimVersionSchema, input, "reviewer", (user, i) =>
    redactedWrite(db, user, () => setClaimDeleted(db, user.id, { ...i, deleted: true })),
  );
}

export async function restoreClaimAction(input: unknown) {
  return guardedWrite(claimVersionSchema, input, "reviewer", (user, i) =>
    redactedWrite(db, user, () => setClaimDeleted(db, user.id, { ...i, deleted: false })),
  );
}

export async function setTagAction(input: unknown) {
  return guardedWrite(setTagSchema, input, "reviewer", (user, i) =>
    redactedWrite(db, user, () => setReviewerTag(db, user.id, i)),
  );
}

/** A claim's notes with their markdown rendered sanitized on the server. */
export async function loadNotesAction(input: unknown) {
  return guardedWrite(z.object({ claimId: z.string().min(1).max(64) }), input, "viewer", (_user, i) =>
    listNotesForReading(db, i.claimId),
  );
}

export async function addNoteAction(input: unknown) {
  return guardedWrite(addNoteSchema, input, "reviewer", (user, i) => addNote(db, user, i));
}

export async function editNoteAction(input: unknown) {
  return guardedWrite(editNoteSchema, input, "reviewer", (user, i) => changeNote(db, user, i));
}

export async function deleteNoteAction(input: unknown) {
  return guardedWrite(deleteNoteSchema, input, "reviewer", (user, i) => changeNote(db, user, { ...i, body: null }));
}

export async function resolveAnchorAction(input: unknown) {
  return guardedWrite(resolveAnchorSchema, input, "reviewer", (user, i) => resolveAnchor(db, user.id, i));
}

/** An admin's correction of a document's title, author, outlet, date and source (audited). */
export async function editDocumentDetailsAction(input: unknown) {
  return guardedWrite(editDocumentMetadataSchema, input, "admin", (user, i) => editDocumentMetadata(db, user.id, i));
}
