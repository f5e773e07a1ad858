import type { LinkActions } from "@/components/links/link-actions";
import type { ActionResult } from "@/lib/auth/guarded-write";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { NoteForReading } from "@/lib/notes/notes-for-reading";

/**
 * A server action as the annotator calls it. The document page passes its actions in as
 * props, so client components never import route files from app/ (a lint rule keeps it so).
 */
export type ServerAction<T> = (input: unknown) => Promise<ActionResult<T>>;

export interface ClaimActions {
  createClaim: ServerAction<ClaimForReading>;
  adjustSpan: ServerAction<ClaimForReading>;
  setStatus: ServerAction<ClaimForReading>;
  describeClaim: ServerAction<ClaimForReading>;
  deleteClaim: ServerAction<ClaimForReading>;
  restoreClaim: ServerAction<ClaimForReading>;
  setTag: ServerAction<ClaimForReading>;
}

export interface NoteActions {
  loadNotes: ServerAction<NoteForReading[]>;
  addNote: ServerAction<unknown>;
  editNote: ServerAction<unknown>;
  deleteNote: ServerAction<unknown>;
}

/** Decisions on suggested claims (lib/db/suggestions.ts). */
export interface SuggestionActions {
  acceptSuggestion: ServerAction<ClaimForReading>;
  rejectSuggestion: ServerAction<{ id: string }>;
  acceptParagraphSuggestions: ServerAction<ClaimForReading[]>;
}

/** Link and suggestion actions are optional: a page without them need not pass them. */
export type AnnotatorActions = ClaimActions & NoteActions & Partial<LinkActions> & Partial<SuggestionActions>;
