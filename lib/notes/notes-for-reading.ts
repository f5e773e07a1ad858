import "server-only";
import type { Db } from "../db/client";
import { listNotes, type NoteRow } from "../db/notes";
import { renderMarkdown } from "./render-markdown";

/** A note as the browser gets it: markdown rendered sanitized on the server, dates as ISO strings. */
export type NoteForReading = Omit<NoteRow, "createdAt" | "updatedAt"> & {
  html: string;
  createdAt: string;
  updatedAt: string;
};

export async function listNotesForReading(db: Db, claimId: string): Promise<NoteForReading[]> {
  return (await listNotes(db, claimId)).map((n) => ({
    ...n,
    html: n.deleted ? "" : renderMarkdown(n.body),
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  }));
}
