import "server-only";
import { appendAudit } from "./audit";
import type { Db } from "./client";
import { ConflictError, ForbiddenError, NotFoundError, WriteError } from "./errors";
import type { UserSummary } from "./users";

export interface NoteRow {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  body: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deleted: boolean;
  revisionCount: number;
}

/** A claim's notes, oldest first; deleted ones keep their place (replies hang on them) without their body. */
export async function listNotes(db: Db, claimId: string): Promise<NoteRow[]> {
  const notes = await db.note.findMany({
    where: { claimId },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { name: true } }, _count: { select: { revisions: true } } },
  });
  return notes.map((n) => ({
    id: n.id,
    parentId: n.parentId,
    authorId: n.authorId,
    authorName: n.author.name,
    body: n.deletedAt ? "" : n.body,
    version: n.version,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    deleted: n.deletedAt !== null,
    revisionCount: n._count.revisions,
  }));
}

export async function addNote(
  db: Db,
  author: UserSummary,
  input: { claimId: string; parentId: string | null; body: string },
): Promise<string> {
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true, documentId: true } });
    if (!claim) throw new NotFoundError("This claim no longer exists.");
    if (input.parentId) {
      const parent = await tx.note.findUnique({ where: { id: input.parentId }, select: { claimId: true } });
      if (!parent || parent.claimId !== claim.id)
        throw new WriteError("The note you are replying to is not on this claim.", "parentId");
    }
    const note = await tx.note.create({
      data: { claimId: claim.id, parentId: input.parentId, authorId: author.id, body: input.body },
    });
    await appendAudit(tx, {
      actorId: author.id,
      action: "note.add",
      entityType: "Note",
      entityId: note.id,
      documentId: claim.documentId,
      claimId: claim.id,
      after: { body: note.body, parentId: note.parentId },
    });
    return note.id;
  });
}

/**
 * Edits (body) or deletes (body null) a note. Only its author or an admin may; the old
 * body is kept as a revision; a stale version is refused with the current note.
 */
export async function changeNote(
  db: Db,
  actor: UserSummary,
  input: { noteId: string; version: number; body: string | null },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const note = await tx.note.findUnique({
      where: { id: input.noteId },
      include: { claim: { select: { documentId: true } } },
    });
    if (!note || note.deletedAt) throw new NotFoundError("This note no longer exists.");
    if (note.authorId !== actor.id && actor.role !== "admin")
      throw new ForbiddenError("Only the note's author or an admin can change it.");
    const deleting = input.body === null;
    const { count } = await tx.note.updateMany({
      where: { id: note.id, version: input.version },
      data: deleting
        ? { deletedAt: new Date(), version: { increment: 1 } }
        : { body: input.body!, version: { increment: 1 } },
    });
    if (count === 0)
      throw new ConflictError("This note changed since you opened it; here is the newer text.", {
        body: note.body,
        version: note.version,
      });
    await tx.noteRevision.create({ data: { noteId: note.id, body: note.body, editorId: actor.id } });
    await appendAudit(tx, {
      actorId: actor.id,
      action: deleting ? "note.delete" : "note.edit",
      entityType: "Note",
      entityId: note.id,
      documentId: note.claim.documentId,
      claimId: note.claimId,
      before: { body: note.body },
      after: deleting ? { deleted: true } : { body: input.body },
    });
  });
}
